//! `vanban schema`: prints the JSON Schema of a spec (for editors), or writes it to a file.

use crate::error::Error;
use std::path::Path;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn text() -> String {
    let mut out =
        serde_json::to_string_pretty(&crate::schema::spec_schema()).expect("a JSON value prints");
    out.push('\n');
    out
}

/// Writes the schema to `path` (temporary file, then rename).
pub fn write(path: &Path) -> Result<(), Error> {
    crate::files::write_atomic(path, text().as_bytes())
}

/// What `vanban schema` was asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Ghi vào tệp này thay vì in ra màn hình.
    #[arg(short, long, value_name = "TỆP")]
    pub out: Option<std::path::PathBuf>,
}

/// Runs `vanban schema [--out FILE]`; returns the exit code (2 when the file cannot be written).
pub fn run(args: Args) -> u8 {
    match args.out.as_deref() {
        None => {
            if super::print_bytes(text().as_bytes()) {
                0
            } else {
                2
            }
        }
        Some(path) => match write(path) {
            Ok(()) => 0,
            Err(err) => {
                eprintln!("{err}");
                2
            }
        },
    }
}
