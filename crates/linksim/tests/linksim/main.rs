//! Integration tests: real sockets on loopback, a tiny upstream server, and the proxy between.

mod counting;
mod faults;
mod loss;
mod support;
mod timing;
