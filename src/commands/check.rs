//! `vanban check`: checks spec files and reports every finding, as text or JSON, those only the
//! laid-out pages show included (each spec is laid out once, no PDF written); with `--fix`
//! rewrites legacy-encoded and decomposed text first.

use crate::check::{self, Checked};
use crate::finding::{Severity, report};
use std::path::PathBuf;

/// How findings are printed (`--format`, read without regard to case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// For people: message, place and source line.
    #[value(alias = "txt")]
    Text,
    /// One JSON array of findings for all files.
    Json,
}

/// The options of one `check` run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Text or JSON.
    pub format: OutputFormat,
    /// Warnings make the exit code 1 too.
    pub strict: bool,
    /// Rewrite legacy TCVN3/VNI text and non-NFC text before reporting.
    pub fix: bool,
    /// Colour the text output.
    pub color: bool,
}

/// What to print and the exit code.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The report (text or JSON).
    pub stdout: String,
    /// Notes about fixed files and write failures.
    pub stderr: String,
    /// 0 clean, 1 errors (or warnings with `--strict`), 2 a file could not be read or written.
    pub exit_code: u8,
}

/// What `vanban check` was asked to do, as given on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Các tệp YAML cần kiểm tra.
    #[arg(required = true, value_name = "TỆP_YAML")]
    pub specs: Vec<PathBuf>,
    /// Cách in kết quả: text (cho người đọc, mặc định) hoặc json (cho chương trình khác).
    #[arg(
        short,
        long,
        value_name = "ĐỊNH_DẠNG",
        default_value = "text",
        hide_default_value = true,
        ignore_case = true,
        hide_possible_values = true
    )]
    pub format: OutputFormat,
    /// Coi cảnh báo cũng là lỗi (mã thoát 1).
    #[arg(long)]
    pub strict: bool,
    /// Sửa tệp tại chỗ: chuyển chữ gõ bằng bảng mã TCVN3/VNI sang Unicode, chuẩn hóa NFC.
    #[arg(long)]
    pub fix: bool,
}

/// Runs `vanban check` as given on the command line; prints the report and returns the exit
/// code.
pub fn cli(args: Args) -> u8 {
    let Args {
        specs,
        format,
        strict,
        fix,
    } = args;
    let options = Options {
        format,
        strict,
        fix,
        color: super::stdout_wants_color(),
    };
    let outcome = run(&specs, options);
    eprint!("{}", outcome.stderr);
    if !super::print_bytes(outcome.stdout.as_bytes()) {
        return 2;
    }
    outcome.exit_code
}

/// Checks every spec in `specs` (fixing them first with `--fix`).
pub fn run(specs: &[PathBuf], options: Options) -> Outcome {
    let mut outcome = Outcome::default();
    let mut all: Vec<Checked> = Vec::new();
    for path in specs {
        let mut checked = crate::pipeline::check_file(path);
        if options.fix && !checked.unreadable {
            match check::fix::fix_file(path, &checked) {
                Ok(Some(fixed)) => {
                    let mut what = Vec::new();
                    if fixed.converted > 0 {
                        what.push(format!("chuyển {} đoạn chữ sang Unicode", fixed.converted));
                    }
                    if fixed.normalised {
                        what.push("chuẩn hóa sang NFC".to_owned());
                    }
                    outcome.stderr.push_str(&format!(
                        "đã sửa {}: {}\n",
                        path.display(),
                        what.join(", ")
                    ));
                    checked = crate::pipeline::check_file(path);
                }
                Ok(None) => {}
                Err(err) => {
                    outcome.stderr.push_str(&format!("{err}\n"));
                    outcome.exit_code = outcome.exit_code.max(err.exit_code() as u8);
                }
            }
        }
        if let Some(dir) = crate::pipeline::write::templates_beside(path) {
            let note = crate::pipeline::write::templates_note(path, &dir);
            outcome.stderr.push_str(&note);
        }
        crate::pipeline::add_layout_findings(&mut checked, path, &Default::default());
        let failed = checked.unreadable;
        let blocking = checked.count(Severity::Error)
            + if options.strict {
                checked.count(Severity::Warning)
            } else {
                0
            };
        let code = if failed {
            2
        } else if blocking > 0 {
            1
        } else {
            0
        };
        outcome.exit_code = outcome.exit_code.max(code);
        if options.format == OutputFormat::Text {
            outcome
                .stdout
                .push_str(&report::human(&checked.report, options.color));
            outcome.stdout.push_str(&report::summary(&checked.report));
            outcome.stdout.push('\n');
        }
        all.push(checked);
    }
    if options.format == OutputFormat::Json {
        let findings = report::json(all.iter().map(|c| &c.report));
        outcome.stdout =
            serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".to_owned());
        outcome.stdout.push('\n');
    }
    outcome
}
