//! Everything that can stop a command, with its exit code. Problems in a spec are
//! [`Finding`]s and travel as a [`Report`]; the other two kinds are a
//! file that cannot be read or written, and an output step that fails.

use crate::finding::{Finding, Report, Rule};

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written (exit code 2).
    #[error("{file}: {message}")]
    Io {
        /// The file concerned.
        file: String,
        /// What went wrong, in Vietnamese.
        message: String,
    },
    /// The spec has errors; the report holds every finding (exit code 1).
    #[error("{}", crate::finding::report::human(.0, false).trim_end())]
    Findings(Box<Report>),
    /// An output could not be made: Typst could not lay the document out, a template failed,
    /// or an action was refused to keep a file safe (exit code 1).
    #[error("{file}: {message}")]
    Failed {
        /// The file being worked on.
        file: String,
        /// What went wrong, in Vietnamese.
        message: String,
    },
}

impl Error {
    /// The process exit code for this error: 2 for files, 1 for content.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } => 2,
            Error::Findings(_) | Error::Failed { .. } => 1,
        }
    }

    /// One line naming the file and what stopped it (the end-of-batch summary): the first
    /// error of a report with the count of the others.
    pub fn summary(&self) -> String {
        match self {
            Error::Findings(report) => {
                let errors = report.count(crate::finding::Severity::Error);
                let first = report
                    .findings
                    .iter()
                    .find(|f| f.severity() == crate::finding::Severity::Error)
                    .map_or_else(String::new, |f| format!(": {}", f.message));
                let place = report
                    .findings
                    .iter()
                    .find(|f| f.severity() == crate::finding::Severity::Error)
                    .and_then(|f| f.span)
                    .map_or_else(String::new, |s| {
                        format!(":{}:{}", s.start.line, s.start.column)
                    });
                match errors {
                    0 | 1 => format!("{}{place}{first}", report.file),
                    n => format!("{}{place}{first} (và {} lỗi khác)", report.file, n - 1),
                }
            }
            other => other
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The findings of `report` as an error.
    pub fn findings(report: Report) -> Error {
        Error::Findings(Box::new(report))
    }

    /// One finding of `rule` about a whole file (no source to show).
    pub fn finding(file: &str, rule: &'static Rule, message: impl Into<String>) -> Error {
        Error::findings(Report {
            file: file.to_owned(),
            source: String::new(),
            findings: vec![Finding::new(rule, message)],
        })
    }

    /// A read or write failure, described in Vietnamese.
    pub fn io(file: &str, action: &str, err: &std::io::Error) -> Error {
        Error::Io {
            file: file.to_owned(),
            message: format!("không {action} được: {}", io_reason(err)),
        }
    }
}

/// Why an operating-system call failed, in Vietnamese (the system's own words are English).
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let why = match err.kind() {
        K::NotFound => "không tìm thấy tệp hoặc thư mục",
        K::PermissionDenied => "không có quyền truy cập",
        K::IsADirectory => "đây là một thư mục, không phải tệp",
        K::NotADirectory => "một phần của đường dẫn không phải thư mục",
        K::AlreadyExists => "tệp đã có",
        K::StorageFull => "ổ đĩa đã đầy",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        K::FileTooLarge => "tệp quá lớn",
        K::InvalidFilename => "tên tệp không hợp lệ",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::ResourceBusy => "tệp đang bị chương trình khác dùng",
        K::Interrupted => "bị ngắt giữa chừng",
        K::TimedOut => "hết thời gian chờ",
        K::InvalidData => "dữ liệu không hợp lệ",
        K::UnexpectedEof => "tệp kết thúc giữa chừng",
        K::OutOfMemory => "không đủ bộ nhớ",
        K::BrokenPipe => "chương trình nhận dữ liệu đã đóng",
        _ => {
            return match err.raw_os_error() {
                Some(code) => format!("lỗi hệ thống (mã {code})"),
                None => "lỗi hệ thống".to_owned(),
            };
        }
    };
    why.to_owned()
}
