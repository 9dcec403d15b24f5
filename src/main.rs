//! The `vanban` command line: parses arguments and calls the library.

use clap::error::{ContextKind, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use vanban::commands::check::{self, OutputFormat};
use vanban::commands::render::{Options, parse_formats, render_to_dir};
use vanban::render::FontSet;

const HELP_TEMPLATE: &str = "\
{before-help}{name} {version} — {about}

Cách dùng: {usage}

{all-args}{after-help}";

/// Trình bày văn bản phối hợp liên ngành (chương trình, quy chế, kế hoạch phối hợp, bản thỏa
/// thuận, bản ghi nhớ) từ tệp YAML thành PDF đúng thể thức Nghị định 30/2020/NĐ-CP và Markdown.
#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "trình bày văn bản phối hợp theo Nghị định 30/2020/NĐ-CP",
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Lệnh",
    subcommand_value_name = "LỆNH",
    next_help_heading = "Tùy chọn"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// In hướng dẫn này.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// In số phiên bản.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    /// Tạo PDF, Markdown (và mã Typst) từ các tệp YAML.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Render {
        /// Các tệp YAML mô tả văn bản.
        #[arg(required = true, value_name = "TỆP_YAML")]
        specs: Vec<PathBuf>,
        /// Thư mục ghi kết quả (mặc định: thư mục hiện tại).
        #[arg(short, long, value_name = "THƯ_MỤC", default_value = ".")]
        out: PathBuf,
        /// Định dạng cần tạo, cách nhau bởi dấu phẩy: pdf, md, typ.
        #[arg(short, long, value_name = "DANH_SÁCH", default_value = "pdf,md")]
        format: String,
        /// Thư mục chứa phông Times New Roman thật (đủ 4 kiểu thường, đậm, nghiêng, đậm
        /// nghiêng) để dùng thay phông Liberation Serif có sẵn.
        #[arg(long, value_name = "THƯ_MỤC")]
        font_dir: Option<PathBuf>,
        /// Tên họ phông cần lấy trong --font-dir (mặc định: Times New Roman).
        #[arg(long, value_name = "TÊN_PHÔNG", requires = "font_dir")]
        font: Option<String>,
    },
    /// Kiểm tra các tệp YAML: báo mọi lỗi và cảnh báo cùng lúc, kèm vị trí (tệp:dòng:cột).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); \
                      2 không đọc được tệp.\nDanh sách quy tắc: xem README, mục \"Các quy tắc kiểm tra\".",
        override_usage = "vanban check [TÙY_CHỌN] <TỆP_YAML>..."
    )]
    Check {
        /// Các tệp YAML cần kiểm tra.
        #[arg(required = true, value_name = "TỆP_YAML")]
        specs: Vec<PathBuf>,
        /// Cách in kết quả: text (cho người đọc, mặc định) hoặc json (cho chương trình khác).
        #[arg(
            short,
            long,
            value_name = "ĐỊNH_DẠNG",
            default_value = "text",
            hide_default_value = true
        )]
        format: String,
        /// Coi cảnh báo cũng là lỗi (mã thoát 1).
        #[arg(long)]
        strict: bool,
        /// Sửa tệp tại chỗ: chuyển chữ gõ bằng bảng mã TCVN3/VNI sang Unicode, chuẩn hóa NFC.
        #[arg(long)]
        fix: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match cli.command {
        Command::Render {
            specs,
            out,
            format,
            font_dir,
            font,
        } => {
            let formats = match parse_formats(&format) {
                Ok(f) => f,
                Err(message) => {
                    eprintln!("lỗi: {message}");
                    return ExitCode::from(2);
                }
            };
            let fonts = match &font_dir {
                None => FontSet::embedded().clone(),
                Some(dir) => match FontSet::from_dir(dir, font.as_deref()) {
                    Ok(set) => set,
                    Err(err) => {
                        eprintln!("{err}");
                        return ExitCode::from(2);
                    }
                },
            };
            let options = Options { fonts: &fonts };
            let mut code = 0;
            for spec in &specs {
                match render_to_dir(spec, &out, &formats, &options) {
                    Ok(written) => {
                        eprint!("{}", written.warnings);
                        for file in written.files {
                            println!("đã ghi {}", file.display());
                        }
                    }
                    Err(err) => {
                        eprintln!("{err}");
                        code = code.max(err.exit_code());
                    }
                }
            }
            ExitCode::from(code as u8)
        }
        Command::Check {
            specs,
            format,
            strict,
            fix,
        } => {
            let format = match OutputFormat::parse(&format) {
                Ok(f) => f,
                Err(message) => {
                    eprintln!("lỗi: {message}");
                    return ExitCode::from(2);
                }
            };
            let color = std::io::IsTerminal::is_terminal(&std::io::stdout())
                && std::env::var_os("NO_COLOR").is_none();
            let options = check::Options {
                format,
                strict,
                fix,
                color,
            };
            let outcome = check::run(&specs, options);
            eprint!("{}", outcome.stderr);
            print!("{}", outcome.stdout);
            ExitCode::from(outcome.exit_code)
        }
    }
}

/// Prints clap's help and version as they are, and its usage errors in Vietnamese (exit 2).
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
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
        ErrorKind::InvalidValue => {
            format!("giá trị không hợp lệ cho {}", arg(ContextKind::InvalidArg))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            "số giá trị không đúng".to_owned()
        }
        ErrorKind::ArgumentConflict => "các tham số xung đột nhau".to_owned(),
        _ => "cách gọi lệnh không đúng".to_owned(),
    };
    eprintln!("lỗi: {what}\nGõ `vanban --help` để xem hướng dẫn.");
    ExitCode::from(2)
}
