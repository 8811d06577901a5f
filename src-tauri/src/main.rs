//! The desktop entry point of the mCommunity app; all of it lives in the library.
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    mcommunity_app_lib::run()
}
