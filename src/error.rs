//! Errors the user sees: each names the file and, where known, the line, column and YAML path.

use std::fmt;

/// One problem in a spec, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec file as the user named it.
    pub file: String,
    /// 1-based line, when the YAML parser knows it.
    pub line: Option<usize>,
    /// 1-based column, when the YAML parser knows it.
    pub column: Option<usize>,
    /// YAML path such as `chapters[1].articles[3].title`.
    pub path: Option<String>,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": lỗi: {}", self.message)?;
        if let Some(path) = &self.path {
            write!(f, " (tại `{path}`)")?;
        }
        Ok(())
    }
}

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
    /// The spec has problems (exit code 1).
    #[error("{}", list(.0))]
    Spec(Vec<Diagnostic>),
    /// `vanban check` found errors; the text is its report (exit code 1).
    #[error("{0}")]
    Check(String),
    /// Typst could not lay out the document (exit code 1).
    #[error("{file}: lỗi khi dàn trang: {message}")]
    Layout {
        /// The spec file being rendered.
        file: String,
        /// Typst's diagnostics.
        message: String,
    },
}

fn list(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// The process exit code for this error: 2 for files, 1 for content.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } => 2,
            Error::Spec(_) | Error::Check(_) | Error::Layout { .. } => 1,
        }
    }

    /// An error about a whole file with no finer place.
    pub fn spec(file: &str, message: impl Into<String>) -> Error {
        Error::Spec(vec![Diagnostic {
            file: file.to_owned(),
            line: None,
            column: None,
            path: None,
            message: message.into(),
        }])
    }

    /// A read or write failure, described in Vietnamese.
    pub fn io(file: &str, action: &str, err: &std::io::Error) -> Error {
        let why = match err.kind() {
            std::io::ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục".to_owned(),
            std::io::ErrorKind::PermissionDenied => "không có quyền truy cập".to_owned(),
            std::io::ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp".to_owned(),
            _ => err.to_string(),
        };
        Error::Io {
            file: file.to_owned(),
            message: format!("không {action} được: {why}"),
        }
    }
}
