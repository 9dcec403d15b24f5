//! The `vanban` command line: parses arguments and calls the library.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use vanban::commands;

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

/// The arguments `render` and `watch` share.
#[derive(clap::Args)]
struct RenderArgs {
    /// Các tệp YAML mô tả văn bản.
    #[arg(required = true, value_name = "TỆP_YAML")]
    specs: Vec<PathBuf>,
    /// Thư mục ghi kết quả (mặc định: thư mục hiện tại).
    #[arg(short, long, value_name = "THƯ_MỤC", default_value = ".")]
    out: PathBuf,
    /// Định dạng cần tạo, cách nhau bởi dấu phẩy: pdf, md, typ.
    #[arg(
        short,
        long,
        value_name = "DANH_SÁCH",
        default_value = "pdf,md",
        value_delimiter = ',',
        ignore_case = true,
        hide_possible_values = true
    )]
    format: Vec<vanban::render::Format>,
    /// Thư mục chứa phông Times New Roman thật (đủ 4 kiểu thường, đậm, nghiêng, đậm
    /// nghiêng) để dùng thay phông Liberation Serif có sẵn.
    #[arg(long, value_name = "THƯ_MỤC")]
    font_dir: Option<PathBuf>,
    /// Tên họ phông cần lấy trong --font-dir (mặc định: Times New Roman).
    #[arg(long, value_name = "TÊN_PHÔNG", requires = "font_dir")]
    font: Option<String>,
    /// Thư mục mẫu trình bày riêng (thay mẫu có sẵn cùng tên; xem docs/mau-rieng.md). Không
    /// ghi thì dùng thư mục `templates/` cạnh tệp YAML nếu có.
    #[arg(long, value_name = "THƯ_MỤC")]
    templates: Option<PathBuf>,
}

impl From<RenderArgs> for commands::render::Request {
    fn from(args: RenderArgs) -> Self {
        commands::render::Request {
            specs: args.specs,
            out: args.out,
            formats: args.format,
            font_dir: args.font_dir,
            font: args.font,
            templates: args.templates,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Tạo PDF, Markdown (và mã Typst) từ các tệp YAML.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Render(RenderArgs),
    /// Theo dõi các tệp YAML: trình bày lại mỗi khi lưu, cho đến khi nhấn Ctrl+C.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Bản trình bày lỗi không ghi đè các tệp đã ghi trước đó. Sửa tệp mẫu trong \
                      --templates (hoặc thư mục templates/ cạnh tệp YAML) cũng trình bày lại."
    )]
    Watch(RenderArgs),
    /// Tạo tệp YAML khởi đầu cho một loại văn bản, có chú thích và chỗ «…» để điền.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = commands::new::help()
    )]
    New {
        /// Loại văn bản (xem danh sách dưới).
        #[arg(value_name = "LOẠI")]
        kind: String,
        /// Tệp cần tạo (mặc định: LOẠI.yaml trong thư mục hiện tại).
        #[arg(value_name = "TỆP_YAML")]
        file: Option<PathBuf>,
        /// Một cơ quan ban hành, dạng "Tên cơ quan:VIẾT TẮT"; cơ quan chủ trì ghi trước. Lặp lại
        /// cho từng cơ quan.
        #[arg(long = "ben", value_name = "CƠ_QUAN")]
        issuers: Vec<String>,
        /// Địa danh ghi ở dòng ngày tháng (ví dụ "Nghệ An").
        #[arg(long = "dia-danh", value_name = "ĐỊA_DANH")]
        place: Option<String>,
        /// Năm ban hành.
        #[arg(long = "nam", value_name = "NĂM")]
        year: Option<i32>,
        /// Ghi đè tệp đã có.
        #[arg(long)]
        force: bool,
    },
    /// In lược đồ JSON Schema của tệp YAML (cho VS Code và các trình soạn thảo khác).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Ví dụ: vanban schema > vanban.schema.json, rồi thêm dòng đầu tệp YAML:\n\
                      # yaml-language-server: $schema=./vanban.schema.json"
    )]
    Schema {
        /// Ghi vào tệp này thay vì in ra màn hình.
        #[arg(short, long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
    /// Kiểm tra các tệp YAML: báo mọi lỗi và cảnh báo cùng lúc, kèm vị trí (tệp:dòng:cột).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); \
                      2 không đọc được tệp.\nDanh sách quy tắc: xem docs/kiem-tra.md, mục \"Các quy tắc kiểm tra\".",
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
            hide_default_value = true,
            ignore_case = true,
            hide_possible_values = true
        )]
        format: commands::check::OutputFormat,
        /// Coi cảnh báo cũng là lỗi (mã thoát 1).
        #[arg(long)]
        strict: bool,
        /// Sửa tệp tại chỗ: chuyển chữ gõ bằng bảng mã TCVN3/VNI sang Unicode, chuẩn hóa NFC.
        #[arg(long)]
        fix: bool,
    },
    /// So hai phiên bản văn bản theo từng điều khoản; lập bảng so sánh.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Mỗi phiên bản là một tệp YAML hoặc PHIÊN_BẢN:đường/dẫn.yaml trong kho git \
                      (ví dụ HEAD~1:du-thao.yaml).\nMã thoát: 0 hai bản giống nhau, 1 có khác \
                      biệt, 2 có lỗi."
    )]
    Diff {
        /// Bản dự thảo trước: tệp YAML hoặc PHIÊN_BẢN:tệp trong kho git.
        #[arg(value_name = "BẢN_TRƯỚC")]
        old: String,
        /// Bản dự thảo sau: tệp YAML hoặc PHIÊN_BẢN:tệp trong kho git.
        #[arg(value_name = "BẢN_SAU")]
        new: String,
        /// Định dạng: text (tóm tắt trên màn hình), md, json, pdf (bảng so sánh).
        #[arg(
            short,
            long,
            value_name = "ĐỊNH_DẠNG",
            default_value = "text",
            ignore_case = true,
            hide_possible_values = true
        )]
        format: commands::diff::DiffFormat,
        /// Ghi kết quả vào tệp này (bắt buộc với pdf).
        #[arg(short, long, value_name = "TỆP")]
        out: Option<PathBuf>,
        /// Liệt kê cả các điều khoản không thay đổi.
        #[arg(long)]
        all: bool,
    },
    /// In bản Markdown của tệp YAML (dùng cho `git diff`, xem `git-setup`).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Textconv {
        /// Tệp YAML mô tả văn bản.
        #[arg(value_name = "TỆP_YAML")]
        spec: PathBuf,
    },
    /// Cấu hình kho git hiện tại để `git diff` hiển thị tệp YAML theo điều khoản.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    GitSetup,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match cli.command {
        Command::Render(args) => ExitCode::from(commands::render::run(&args.into())),
        Command::Watch(args) => ExitCode::from(commands::watch::run(&args.into())),
        Command::New {
            kind,
            file,
            issuers,
            place,
            year,
            force,
        } => ExitCode::from(commands::new::run(&commands::new::Request {
            kind,
            file,
            issuers,
            place,
            year,
            force,
        })),
        Command::Schema { out } => ExitCode::from(commands::schema::run(out.as_deref())),
        Command::Check {
            specs,
            format,
            strict,
            fix,
        } => ExitCode::from(commands::check::cli(&specs, format, strict, fix)),
        Command::Diff {
            old,
            new,
            format,
            out,
            all,
        } => ExitCode::from(commands::diff::cli(old, new, format, out, all)),
        Command::Textconv { spec } => ExitCode::from(commands::textconv::run(&spec)),
        Command::GitSetup => ExitCode::from(commands::git_setup::run()),
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
        ErrorKind::InvalidValue => invalid_value(&e),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            "số giá trị không đúng".to_owned()
        }
        ErrorKind::ArgumentConflict => "các tham số xung đột nhau".to_owned(),
        _ => "cách gọi lệnh không đúng".to_owned(),
    };
    eprintln!("lỗi: {what}\nGõ `vanban --help` để xem hướng dẫn.");
    ExitCode::from(2)
}

/// A value outside an argument's list, in Vietnamese: the value given and the valid ones, as
/// clap found them ("định dạng `docx` không có; chọn trong: pdf, md, typ").
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
