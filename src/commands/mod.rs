//! The CLI commands, one module each (its arguments and its run); `main.rs` parses the command
//! line and calls them.

use clap::error::{ContextKind, ContextValue, ErrorKind};

pub mod check;
pub mod diff;
pub mod git_setup;
pub mod import;
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

/// A duration in seconds as Vietnamese writes it: two decimals after a comma ("0,41"); from
/// a minute on, minutes and whole seconds ("2 phút 05").
pub fn seconds(d: std::time::Duration) -> String {
    let whole = d.as_secs();
    if whole < 60 {
        format!("{:.2}", d.as_secs_f64()).replace('.', ",")
    } else {
        format!("{} phút {:02}", whole / 60, whole % 60)
    }
}

/// Writes bytes to standard output; false when it is closed (a pipe whose reader left).
pub fn print_bytes(bytes: &[u8]) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).is_ok()
}

/// Prints clap's help and version as they are, and its usage errors in Vietnamese (exit 2).
pub fn usage_error(e: clap::Error) -> u8 {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return 0;
    }
    let arg = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("tham số lạ `{}`", arg(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            format!("lệnh lạ `{}`", arg(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => {
            format!("thiếu tham số bắt buộc {}", arg(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "thiếu lệnh (ví dụ: `vanban render tệp.yaml`)".to_owned()
        }
        ErrorKind::InvalidValue => invalid_value(&e),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            "số giá trị không đúng".to_owned()
        }
        ErrorKind::ArgumentConflict => "các tham số xung đột nhau".to_owned(),
        _ => "cách gọi lệnh không đúng".to_owned(),
    };
    eprintln!("lỗi: {what}\nGõ `vanban --help` để xem hướng dẫn.");
    2
}

/// A value outside an argument's list, in Vietnamese: the value given and the valid ones, as
/// clap found them ("định dạng `odt` không có; chọn trong: pdf, md, typ, docx").
fn invalid_value(e: &clap::Error) -> String {
    let flag = e
        .get(ContextKind::InvalidArg)
        .map(|v| v.to_string())
        .unwrap_or_default();
    let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue) else {
        return format!("giá trị không hợp lệ cho {flag}");
    };
    let noun = if flag.starts_with("--format") {
        "định dạng"
    } else {
        "giá trị"
    };
    let valid = valid.join(", ");
    match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(value)) if !value.is_empty() => {
            format!("{noun} `{value}` không có; chọn trong: {valid}")
        }
        _ => format!("thiếu {noun} cho {flag}; chọn trong: {valid}"),
    }
}
