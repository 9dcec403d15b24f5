//! The CLI commands, one module each; `main.rs` parses arguments and calls them.

pub mod check;
pub mod new;
pub mod render;
pub mod schema;
