//! The `vanban` command line: parses arguments and calls the library.

use clap::{ArgAction, Parser, Subcommand};
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

#[derive(Subcommand)]
enum Command {
    /// Tạo PDF, Markdown (và mã Typst) từ các tệp YAML.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        override_usage = "vanban render [TÙY_CHỌN] <TỆP_YAML>..."
    )]
    Render(commands::render::Request),
    /// Theo dõi các tệp YAML: trình bày lại mỗi khi lưu, cho đến khi nhấn Ctrl+C.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Bản trình bày lỗi không ghi đè các tệp đã ghi trước đó. Sửa tệp mẫu trong \
                      --templates (hoặc thư mục templates/ cạnh tệp YAML) cũng trình bày lại.",
        override_usage = "vanban watch [TÙY_CHỌN] <TỆP_YAML>..."
    )]
    Watch(commands::render::Request),
    /// Tạo tệp YAML khởi đầu cho một loại văn bản, có chú thích và chỗ «…» để điền.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = commands::new::help(),
        override_usage = "vanban new [TÙY_CHỌN] <LOẠI> [TỆP_YAML]"
    )]
    New(commands::new::Request),
    /// Nhập văn bản có sẵn (Word .docx, hoặc văn bản chép từ PDF) thành tệp YAML có chú thích.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Những dòng chưa xếp được vẫn giữ nguyên văn trong tệp YAML (có chú thích) và được \
                      liệt kê kèm số dòng/đoạn.\nMã thoát: 0 đã nhập; 1 nội dung không đọc được thành \
                      văn bản; 2 không đọc/ghi được tệp hoặc tệp YAML đã có (thêm --force).",
        override_usage = "vanban import [TÙY_CHỌN] <TỆP.docx|TỆP.txt>"
    )]
    Import(commands::import::Args),
    /// In lược đồ JSON Schema của tệp YAML (cho VS Code và các trình soạn thảo khác).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Ví dụ: vanban schema > vanban.schema.json, rồi thêm dòng đầu tệp YAML:\n\
                      # yaml-language-server: $schema=./vanban.schema.json",
        override_usage = "vanban schema [TÙY_CHỌN]"
    )]
    Schema(commands::schema::Args),
    /// Kiểm tra các tệp YAML: báo mọi lỗi và cảnh báo cùng lúc, kèm vị trí (tệp:dòng:cột).
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); \
                      2 không đọc được tệp.\nDanh sách quy tắc: xem docs/kiem-tra.md, mục \"Các quy tắc kiểm tra\".",
        override_usage = "vanban check [TÙY_CHỌN] <TỆP_YAML>..."
    )]
    Check(commands::check::Args),
    /// So hai phiên bản văn bản theo từng điều khoản; lập bảng so sánh.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Mỗi phiên bản là một tệp YAML hoặc PHIÊN_BẢN:đường/dẫn.yaml trong kho git \
                      (ví dụ HEAD~1:du-thao.yaml).\nMã thoát: 0 hai bản giống nhau, 1 có khác \
                      biệt, 2 có lỗi.",
        override_usage = "vanban diff [TÙY_CHỌN] <BẢN_TRƯỚC> <BẢN_SAU>"
    )]
    Diff(commands::diff::Args),
    /// In bản Markdown của tệp YAML (dùng cho `git diff`, xem `git-setup`).
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Textconv(commands::textconv::Args),
    /// Cấu hình kho git hiện tại để `git diff` hiển thị tệp YAML theo điều khoản.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn",
        after_help = "Chỉ các tệp YAML của vanban (có `kind` là một loại văn bản) đi qua vanban; \
                      bỏ trống MẪU_ĐƯỜNG_DẪN thì vanban tự tìm chúng trong kho.\n\
                      Mã thoát: 0 đã xong; 1 chưa có tệp YAML nào của vanban; 2 không chạy được git.",
        override_usage = "vanban git-setup [TÙY_CHỌN] [MẪU_ĐƯỜNG_DẪN]..."
    )]
    GitSetup(commands::git_setup::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(commands::usage_error(e)),
    };
    ExitCode::from(match cli.command {
        Command::Render(request) => commands::render::run(&request),
        Command::Watch(request) => commands::watch::run(&request),
        Command::New(request) => commands::new::run(&request),
        Command::Import(args) => commands::import::run(&args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Check(args) => commands::check::cli(args),
        Command::Diff(args) => commands::diff::cli(args),
        Command::Textconv(args) => commands::textconv::run(args),
        Command::GitSetup(args) => commands::git_setup::run(&args),
    })
}
