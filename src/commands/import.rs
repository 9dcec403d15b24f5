//! `vanban import FILE.docx|FILE.txt [-o SPEC.yaml]`: reads a Word document or a text copied
//! from a PDF or a web portal into a commented spec ([`crate::import`]); prints it, or writes it
//! (never over an existing file unless forced, never over the source). The lines it could not
//! place are listed on standard error with their place in the source.

use crate::error::Error;
use std::path::PathBuf;

/// What `vanban import` was asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Tệp Word (.docx) hoặc văn bản (.txt, chép từ PDF hay cổng thông tin) cần nhập.
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Ghi tệp YAML vào đây (mặc định: in ra màn hình).
    #[arg(short = 'o', long = "output", value_name = "TỆP_YAML")]
    pub output: Option<PathBuf>,
    /// Ghi đè tệp YAML đã có.
    #[arg(long)]
    pub force: bool,
}

/// Runs `vanban import`; returns the exit code (0 imported, 1 content that cannot be read as
/// a document, 2 a file that cannot be read or written).
pub fn run(args: &Args) -> u8 {
    match import(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("lỗi: {err}");
            u8::try_from(err.exit_code()).unwrap_or(1)
        }
    }
}

fn import(args: &Args) -> Result<u8, Error> {
    if let Some(out) = &args.output {
        refuse_overwrite(args, out)?;
    }
    let imported = crate::import::import_file(&args.file)?;
    let shown = args.file.display();
    if let Some(encoding) = imported.legacy {
        eprintln!(
            "{shown}: văn bản gõ bằng bảng mã {}, đã chuyển sang Unicode",
            encoding.name()
        );
    }
    for u in &imported.unplaced {
        let excerpt: String = u.text.chars().take(80).collect();
        let more = if u.text.chars().count() > 80 {
            "…"
        } else {
            ""
        };
        eprintln!(
            "{shown}:{} {}: chưa xếp được — {}: «{excerpt}{more}»",
            imported.format.unit(),
            u.at,
            u.why
        );
    }
    match &args.output {
        None => {
            if !super::print_bytes(imported.yaml.as_bytes()) {
                return Ok(0);
            }
        }
        Some(out) => {
            crate::files::write_atomic(out, imported.yaml.as_bytes())?;
            println!("đã tạo {}", out.display());
            println!(
                "Xem lại tệp, kiểm tra bằng `vanban check {0}`, trình bày bằng `vanban render {0}`.",
                out.display()
            );
        }
    }
    Ok(0)
}

/// Refuses to write over the source, or over an existing file without --force.
fn refuse_overwrite(args: &Args, out: &std::path::Path) -> Result<(), Error> {
    let shown = out.display().to_string();
    let same = match (
        std::fs::canonicalize(out),
        std::fs::canonicalize(&args.file),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => out == args.file,
    };
    if same {
        return Err(Error::Io {
            file: shown,
            message: "đây là chính tệp cần nhập; chọn tên khác cho tệp YAML".to_owned(),
        });
    }
    if out.exists() && !args.force {
        return Err(Error::Io {
            file: shown,
            message: "tệp đã có; không ghi đè (thêm --force để thay tệp cũ)".to_owned(),
        });
    }
    Ok(())
}
