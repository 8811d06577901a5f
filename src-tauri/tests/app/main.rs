//! The app's commands through Tauri's own IPC path (mock runtime, the real config and
//! capabilities), the security configuration, and the generated TypeScript bindings.

mod commands;
mod config;
