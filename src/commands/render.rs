//! `vanban render`: reads the command line's request, renders every spec through the library
//! ([`crate::pipeline::write`]) and reports what was written and what failed.

use crate::error::Error;
use crate::pipeline::Options;
use crate::pipeline::write::{Step, Written, render_all};
use crate::render::{Cache, FontSet, Format, Templates};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What `vanban render` (and `vanban watch`) was asked to do, as given on the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Request {
    /// Các tệp YAML mô tả văn bản.
    #[arg(required = true, value_name = "TỆP_YAML")]
    pub specs: Vec<PathBuf>,
    /// Thư mục ghi kết quả (mặc định: thư mục hiện tại).
    #[arg(
        short,
        long,
        value_name = "THƯ_MỤC",
        default_value = ".",
        hide_default_value = true
    )]
    pub out: PathBuf,
    /// Định dạng cần tạo, cách nhau bởi dấu phẩy: pdf, md, typ, docx (mặc định: pdf,md).
    #[arg(
        short = 'f',
        long = "format",
        value_name = "DANH_SÁCH",
        default_value = "pdf,md",
        hide_default_value = true,
        value_delimiter = ',',
        ignore_case = true,
        hide_possible_values = true
    )]
    pub formats: Vec<Format>,
    /// Thư mục chứa phông Times New Roman thật (đủ 4 kiểu thường, đậm, nghiêng, đậm
    /// nghiêng) để dùng thay phông Liberation Serif có sẵn.
    #[arg(long, value_name = "THƯ_MỤC")]
    pub font_dir: Option<PathBuf>,
    /// Tên họ phông cần lấy trong --font-dir (mặc định: Times New Roman).
    #[arg(long, value_name = "TÊN_PHÔNG", requires = "font_dir")]
    pub font: Option<String>,
    /// Thư mục mẫu trình bày riêng (thay mẫu có sẵn cùng tên; xem docs/mau-rieng.md). Không
    /// ghi thì dùng thư mục `templates/` cạnh tệp YAML nếu có.
    #[arg(long, value_name = "THƯ_MỤC")]
    pub templates: Option<PathBuf>,
}

/// What a [`Request`] asks for, read and loaded: the formats, the fonts and the house templates.
pub struct Setup {
    /// The formats to write, in order.
    pub formats: Vec<Format>,
    /// The fonts the PDF is set in (embedded, or from `--font-dir`).
    pub fonts: FontSet,
    /// The templates of `--templates`, when given.
    pub house: Option<Templates>,
}

impl Setup {
    /// Reads the formats, fonts and house templates of a request. A problem is printed and
    /// its exit code returned (2: a folder that cannot be read).
    pub fn read(request: &Request) -> Result<Setup, u8> {
        let mut formats = Vec::new();
        for &format in &request.formats {
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        let fonts = match &request.font_dir {
            None => FontSet::embedded().clone(),
            Some(dir) => FontSet::from_dir(dir, request.font.as_deref()).map_err(|err| {
                eprintln!("{err}");
                2u8
            })?,
        };
        let house = request
            .templates
            .as_deref()
            .map(Templates::load)
            .transpose()
            .map_err(|err| {
                eprintln!("{err}");
                err.exit_code() as u8
            })?;
        Ok(Setup {
            formats,
            fonts,
            house,
        })
    }

    /// The render options these settings give, with the given cache policy.
    pub fn options(&self, cache: Cache) -> Options<'_> {
        Options {
            fonts: &self.fonts,
            templates: self.house.as_ref(),
            cache,
        }
    }
}

/// Runs `vanban render`: every spec side by side on every core (a progress bar on a terminal,
/// from the first file on), each result reported in the order given, every failure repeated at
/// the end without stopping the others, and for a batch a closing line that sums it up.
/// Returns the exit code: the worst of all specs (0, 1 or 2).
pub fn run(request: &Request) -> u8 {
    let setup = match Setup::read(request) {
        Ok(setup) => setup,
        Err(code) => return code,
    };
    let start = Instant::now();
    let options = setup.options(Cache::Shared);
    let formats = &setup.formats;
    let progress = progress_bar(request.specs.len());
    let results = render_all(&request.specs, &request.out, formats, &options, |step| {
        if let Some(bar) = &progress {
            match step {
                Step::Started(spec) => bar.set_message(spec.display().to_string()),
                Step::Finished(_) => bar.inc(1),
            }
        }
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut failures = Vec::new();
    for result in &results {
        match result {
            Ok(written) => {
                eprint!("{}", written.warnings);
                for file in &written.files {
                    println!("đã ghi {}", file.display());
                }
            }
            Err(err) => {
                eprintln!("{err}");
                failures.push(err);
            }
        }
    }
    if results.len() > 1 {
        if !failures.is_empty() {
            eprintln!(
                "\n{} trên {} tệp không trình bày được:",
                failures.len(),
                results.len()
            );
            for err in &failures {
                eprintln!("  {}", err.summary());
            }
        }
        eprintln!("{}", closing_line(&results, start.elapsed()));
    }
    failures
        .iter()
        .map(|e| e.exit_code() as u8)
        .max()
        .unwrap_or(0)
}

/// The line that sums a batch up: specs rendered of those given, PDF files and their pages
/// (when PDFs were asked for), failures and time.
fn closing_line(results: &[Result<Written, Error>], took: Duration) -> String {
    let written: Vec<&Written> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let pdfs: Vec<usize> = written.iter().filter_map(|w| w.pages).collect();
    let made = if pdfs.is_empty() {
        String::new()
    } else {
        format!(
            ": {} tệp PDF, {} trang",
            pdfs.len(),
            pdfs.iter().sum::<usize>()
        )
    };
    format!(
        "Đã trình bày {}/{} tệp{made}; {} tệp lỗi; {} giây.",
        written.len(),
        results.len(),
        results.len() - written.len(),
        super::seconds(took)
    )
}

/// A progress bar on standard error when it is a terminal and there is more than one spec,
/// drawn at once and ticking on its own, with the file being rendered.
fn progress_bar(count: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if count < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(count as u64);
    let style = indicatif::ProgressStyle::with_template(
        "Đang trình bày {pos}/{len} tệp [{bar:30}] {elapsed} {wide_msg}",
    )
    .expect("valid progress template")
    .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}
