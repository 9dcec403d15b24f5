//! The CLI commands, one module each; `main.rs` parses arguments and calls them.

pub mod check;
pub mod diff;
pub mod git_setup;
pub mod new;
pub mod render;
pub mod schema;
pub mod textconv;
pub mod watch;

/// Whether standard output is a terminal that wants colour (`NO_COLOR` unset or empty).
pub fn stdout_wants_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Writes bytes to standard output; false when it is closed (a pipe whose reader left).
pub fn print_bytes(bytes: &[u8]) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).is_ok()
}
