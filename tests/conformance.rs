//! ND 30 conformance read off the laid-out pages (Typst's frames) and the PDF of every sample:
//! each test checks one group of rules of `docs/nd30-layout.md` on all samples and names
//! the sample, page and text of every deviation it finds.

mod common;
use common::*;
use std::sync::OnceLock;
use vanban::document::Document;
use vanban::pages::{Line, Pages, Run};

const MM: f64 = 72.0 / 25.4;
const LEFT: f64 = 30.0 * MM;
const RIGHT_MARGIN: f64 = 15.0 * MM;
const TOP: f64 = 20.0 * MM;
const BOTTOM: f64 = 20.0 * MM;
const INDENT: f64 = 1.27 * 10.0 * MM;

/// Every sample, rendered once for all the tests of this file.
fn samples() -> &'static [(String, Rendered)] {
    static ALL: OnceLock<Vec<(String, Rendered)>> = OnceLock::new();
    ALL.get_or_init(|| {
        common::sample_files()
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, render_file(p))
            })
            .collect()
    })
}

/// Collects deviations so that one run reports all of them.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }

    fn assert_none(self) {
        assert!(self.0.is_empty(), "{}", self.0.join("\n"));
    }
}

fn right_edge(pages: &Pages, page: usize) -> f64 {
    pages.sizes[page].0 - RIGHT_MARGIN
}

fn centre(l: &Line) -> f64 {
    (l.left() + l.right()) / 2.0
}

fn text_centre(pages: &Pages, page: usize) -> f64 {
    (LEFT + right_edge(pages, page)) / 2.0
}

/// Index of the first page of the appendices (or the page count).
fn appendix_start(r: &Rendered) -> usize {
    if r.doc.appendices.is_empty() {
        return r.pages.sizes.len();
    }
    let label = &r.doc.appendices[0].label.plain;
    r.pages
        .lines()
        .iter()
        .find(|l| l.page > 0 && l.text() == *label)
        .map_or(r.pages.sizes.len(), |l| l.page)
}

/// Index of the first page of each text a decision issues: a page after the first that opens
/// with the Quốc hiệu (its heading block).
fn attachment_starts(r: &Rendered) -> Vec<usize> {
    let lines = r.pages.lines();
    (1..r.pages.sizes.len())
        .filter(|&page| {
            lines
                .iter()
                .find(|l| l.page == page && l.y > TOP)
                .is_some_and(|l| l.text().contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        })
        .collect()
}

/// Index of the page after the main document: its first appendix or attached text.
fn main_end(r: &Rendered) -> usize {
    let attached = attachment_starts(r).first().copied();
    appendix_start(r).min(attached.unwrap_or(usize::MAX))
}

/// The lines of the text a decision issues, the `k`-th: from its first page to the next one's, or
/// to its first Phụ lục, page numbers left out.
fn attachment_lines(r: &Rendered, k: usize) -> Vec<Line> {
    let starts = attachment_starts(r);
    let (start, end) = (starts[k], starts.get(k + 1).copied().unwrap_or(usize::MAX));
    let labels: Vec<&str> = r.doc.attachments[k]
        .appendices
        .iter()
        .map(|a| a.label.plain.as_str())
        .collect();
    r.pages
        .lines()
        .into_iter()
        .filter(|l| l.page >= start && l.page < end && l.y > TOP)
        .take_while(|l| !labels.contains(&l.text().as_str()))
        .collect()
}

/// The lines of the main document (appendices, attached texts and page numbers left out).
fn main_lines(r: &Rendered) -> Vec<Line> {
    let end = main_end(r);
    r.pages
        .lines()
        .into_iter()
        .filter(|l| l.page < end && l.y > TOP)
        .collect()
}

/// The line whose text starts with `start`, searching from `from` on.
fn line_starting<'a>(lines: &'a [Line], start: &str, from: usize) -> Option<(usize, &'a Line)> {
    lines
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, l)| collapse(&l.text()).starts_with(&collapse(start)))
}

/// The first run of a line that is in the given column half (`right` or not).
fn column(line: &Line, pages: &Pages, right: bool) -> Line {
    let mid = text_centre(pages, line.page);
    let mut l = line.clone();
    l.runs.retain(|r| (r.x + r.width / 2.0 > mid) == right);
    l
}

fn all_runs(l: &Line, f: impl Fn(&Run) -> bool) -> bool {
    l.runs.iter().filter(|r| !r.text.trim().is_empty()).all(f)
}

#[test]
fn pages_are_a4_and_text_stays_inside_the_margins() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let first_appendix = appendix_start(r);
        for (page, (w, h)) in r.pages.sizes.iter().enumerate() {
            let landscape = page >= first_appendix && w > h;
            let (a, b) = if landscape { (*h, *w) } else { (*w, *h) };
            f.check((a - 595.28).abs() < 1.0 && (b - 841.89).abs() < 1.0, || {
                format!("{name}: page {} is {w}×{h}, not A4", page + 1)
            });
            if landscape {
                let asks = r.doc.appendices.iter().any(|a| a.landscape);
                f.check(asks, || {
                    format!("{name}: page {} landscape unasked", page + 1)
                });
            }
        }
        for run in r.pages.runs.iter().filter(|r| !r.text.trim().is_empty()) {
            let (w, h) = r.pages.sizes[run.page];
            let page_number = run.y < TOP;
            f.check(run.x >= LEFT - 0.5, || {
                format!("{name}: in the left margin: {run:?}")
            });
            f.check(run.x + run.width <= w - RIGHT_MARGIN + 0.5, || {
                format!("{name}: in the right margin (hanging punctuation?): {run:?}")
            });
            f.check(run.y + 0.22 * run.size <= h - BOTTOM + 0.5, || {
                format!("{name}: in the bottom margin: {run:?}")
            });
            if !page_number {
                f.check(run.y - 0.891 * run.size >= TOP - 0.5, || {
                    format!("{name}: text above the top margin: {run:?}")
                });
            }
        }
    }
    f.assert_none();
}

#[test]
fn every_font_is_embedded_and_no_other_font_slips_in() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        for run in &r.pages.runs {
            f.check(run.family == "Liberation Serif", || {
                format!("{name}: run in {}: {:?}", run.family, run.text)
            });
        }
        let pdf = lopdf::Document::load_mem(&r.pdf).unwrap();
        let mut fonts = 0;
        for (_, object) in pdf.objects.iter() {
            let Ok(dict) = object.as_dict() else { continue };
            if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
                fonts += 1;
                let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| dict.has(k));
                f.check(embedded, || {
                    format!("{name}: a font is not embedded: {dict:?}")
                });
            }
        }
        f.check(fonts >= 3, || format!("{name}: {fonts} font descriptors"));
    }
    f.assert_none();
}

#[test]
fn quoc_hieu_and_tieu_ngu() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let lines = main_lines(r);
        let nation = column(&lines[0], &r.pages, true);
        f.check(
            nation.text() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            || format!("{name}: first line right is {:?}", nation.text()),
        );
        let size = nation.runs[0].size;
        f.check(
            all_runs(&nation, |r| r.bold && (12.0..=13.0).contains(&r.size)),
            || format!("{name}: Quốc hiệu must be bold 12–13 pt"),
        );
        f.check(
            (nation.right() - right_edge(&r.pages, 0)).abs() < 1.0
                && centre(&nation) > text_centre(&r.pages, 0),
            || format!("{name}: Quốc hiệu not in the right column"),
        );
        let motto = column(&lines[1], &r.pages, true);
        f.check(
            motto.text() == "Độc lập - Tự do - Hạnh phúc",
            || format!("{name}: Tiêu ngữ reads {:?}", motto.text()),
        );
        f.check(
            all_runs(&motto, |r| r.bold && (r.size - size - 1.0).abs() < 0.01),
            || format!("{name}: Tiêu ngữ must be bold, one size above the Quốc hiệu"),
        );
        f.check((centre(&motto) - centre(&nation)).abs() < MM, || {
            format!("{name}: Tiêu ngữ not centred under the Quốc hiệu")
        });
        let width = motto.right() - motto.left();
        let rule = r.pages.rules.iter().find(|x| {
            x.page == 0
                && x.from.1 > motto.y + 3.0
                && x.from.1 < motto.y + 10.0
                && x.from.0 > nation.left() - 1.0
        });
        match rule {
            None => f.check(false, || format!("{name}: no rule under the Tiêu ngữ")),
            Some(rule) => {
                let len = rule.to.0 - rule.from.0;
                f.check((len - width).abs() < width * 0.1, || {
                    format!("{name}: rule {len:.1} pt under a Tiêu ngữ of {width:.1} pt")
                });
                f.check(
                    ((rule.from.0 + rule.to.0) / 2.0 - centre(&motto)).abs() < MM,
                    || format!("{name}: rule not centred under the Tiêu ngữ"),
                );
            }
        }
    }
    f.assert_none();
}

#[test]
fn issuer_names_numbers_and_dates() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let lines = main_lines(r);
        let nation = column(&lines[0], &r.pages, true);
        // Left column: parent lines regular, names bold, all capitals 12–13, one axis.
        let number_index = lines
            .iter()
            .position(|l| l.text().starts_with("Số:"))
            .unwrap();
        let header: Vec<Line> = lines[..number_index]
            .iter()
            .map(|l| column(l, &r.pages, false))
            .filter(|l| !l.runs.is_empty())
            .collect();
        let axis = centre(&header[0]);
        for l in &header {
            f.check(l.right() < nation.left(), || {
                format!("{name}: issuer line {:?} runs into the Quốc hiệu", l.text())
            });
            f.check(all_runs(l, |r| (12.0..=13.0).contains(&r.size)), || {
                format!("{name}: issuer line {:?} not 12–13 pt", l.text())
            });
            f.check(l.text() == l.text().to_uppercase(), || {
                format!("{name}: issuer line {:?} not in capitals", l.text())
            });
            f.check((centre(l) - axis).abs() < MM, || {
                format!("{name}: issuer line {:?} off the column axis", l.text())
            });
        }
        // Names (possibly broken over lines) in bold lines, parents in regular ones.
        let bold: Vec<&Line> = header.iter().filter(|l| all_runs(l, |r| r.bold)).collect();
        let regular: Vec<&Line> = header.iter().filter(|l| all_runs(l, |r| !r.bold)).collect();
        let joined =
            |ls: &[&Line]| collapse(&ls.iter().map(|l| l.text()).collect::<Vec<_>>().join(" "));
        let name_width = bold
            .iter()
            .map(|l| l.right() - l.left())
            .fold(0.0, f64::max);
        for issuer in &r.doc.issuers {
            f.check(
                joined(&bold).contains(&collapse(&issuer.name.plain)),
                || format!("{name}: issuer name {:?} not in bold", issuer.name.plain),
            );
            if let Some(parent) = &issuer.parent {
                f.check(joined(&regular).contains(&collapse(&parent.plain)), || {
                    format!("{name}: parent {:?} not in regular weight", parent.plain)
                });
            }
        }
        let last = header.last().unwrap();
        let rule = r.pages.rules.iter().find(|x| {
            x.page == 0
                && x.from.1 > last.y + 3.0
                && x.from.1 < last.y + 10.0
                && x.to.0 < nation.left()
        });
        match rule {
            None => f.check(false, || format!("{name}: no rule under the issuer names")),
            Some(rule) => {
                let len = rule.to.0 - rule.from.0;
                f.check(
                    len >= name_width / 3.0 - 0.5 && len <= name_width / 2.0 + 0.5,
                    || format!("{name}: issuer rule {len:.1} pt for names {name_width:.1} pt wide"),
                );
                f.check(((rule.from.0 + rule.to.0) / 2.0 - axis).abs() < MM, || {
                    format!("{name}: issuer rule off the axis")
                });
            }
        }
        // Số and the place/date line share a baseline.
        let line = &lines[number_index];
        let number = column(line, &r.pages, false);
        let when = column(line, &r.pages, true);
        f.check(
            all_runs(&number, |r| r.size == 13.0 && !r.bold && !r.italic),
            || format!("{name}: Số line must be 13 pt upright"),
        );
        // Centred under the issuers; a Số line wider than their column starts at the margin
        // and stays clear of the Quốc hiệu.
        let column = nation.left() - 4.0 * MM - LEFT;
        if number.right() - number.left() > column {
            f.check(
                (number.left() - LEFT).abs() < 1.0 && number.right() < nation.left(),
                || format!("{name}: a wide Số line must start at the margin"),
            );
        } else {
            f.check((centre(&number) - axis).abs() < MM, || {
                format!("{name}: Số not centred under the issuers")
            });
        }
        if r.doc.number.is_some() {
            f.check(
                collapse(&number.text()) == format!("Số: {}", r.doc.number_line.plain),
                || format!("{name}: Số line reads {:?}", number.text()),
            );
        }
        f.check(
            all_runs(&when, |r| r.italic && (13.0..=14.0).contains(&r.size)),
            || format!("{name}: date line must be italic 13–14 pt"),
        );
        f.check((centre(&when) - centre(&nation)).abs() < MM, || {
            format!("{name}: date not centred under the Quốc hiệu")
        });
        let when_text = when.text();
        f.check(
            when_text.starts_with(&format!("{},", r.doc.place.plain)),
            || format!("{name}: date line {when_text:?} must open with the place and a comma"),
        );
        if r.doc.date.is_some() {
            f.check(padded_date(&when_text), || {
                format!("{name}: date {when_text:?} badly padded")
            });
        } else {
            // Room for the day and the month: wide gaps between the words.
            let gaps: Vec<f64> = when
                .runs
                .windows(2)
                .map(|w| w[1].x - (w[0].x + w[0].width))
                .collect();
            f.check(gaps.iter().filter(|g| **g > 8.0 * MM).count() >= 2, || {
                format!("{name}: no room to write the date by hand: {when_text:?}")
            });
        }
        if r.doc.number.is_none() {
            let slash = number.runs.iter().find(|r| r.text.contains('/')).unwrap();
            let label = &number.runs[0];
            f.check(slash.x - (label.x + label.width) > 8.0 * MM, || {
                format!("{name}: no room to write the number by hand")
            });
        }
        f.check(
            collapse(&number.text()).contains(&r.doc.symbol.plain),
            || {
                format!(
                    "{name}: ký hiệu {} not printed on one line",
                    r.doc.symbol.plain
                )
            },
        );
    }
    f.assert_none();
}

/// "ngày DD tháng M năm YYYY" as ND 30 writes it: the day always two digits, months 1 and 2 as
/// "01", "02", the others without a leading zero.
fn padded_date(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(i) = words.iter().position(|w| *w == "ngày") else {
        return false;
    };
    let day = words.get(i + 1).copied().unwrap_or("");
    let month = words.get(i + 3).copied().unwrap_or("");
    let year = words.get(i + 5).copied().unwrap_or("");
    let day_ok = day.len() == 2 && day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let month_ok = match month.parse::<u32>() {
        Ok(m @ 1..=2) => month == format!("0{m}"),
        Ok(m @ 3..=12) => month == m.to_string(),
        _ => false,
    };
    day_ok
        && month_ok
        && words.get(i + 2) == Some(&"tháng")
        && words.get(i + 4) == Some(&"năm")
        && year.len() == 4
}

#[test]
fn title_and_bases() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let lines = main_lines(r);
        let (k, kind) = line_starting(&lines, &r.doc.kind_name, 2).expect("type name");
        f.check(
            all_runs(kind, |r| r.bold && (13.0..=14.0).contains(&r.size)),
            || format!("{name}: type name must be bold 13–14 pt"),
        );
        f.check(
            (centre(kind) - text_centre(&r.pages, 0)).abs() < 2.0 * MM,
            || format!("{name}: type name not centred"),
        );
        let title = &lines[k + 1..title_end(r, &lines, k)];
        let mut widest: f64 = 0.0;
        for l in title {
            f.check(
                all_runs(l, |r| r.bold && (13.0..=14.0).contains(&r.size)),
                || {
                    format!(
                        "{name}: trích yếu line {:?} must be bold 13–14 pt",
                        l.text()
                    )
                },
            );
            f.check(
                (centre(l) - text_centre(&r.pages, 0)).abs() < 2.0 * MM,
                || format!("{name}: trích yếu line {:?} not centred", l.text()),
            );
            widest = widest.max(l.right() - l.left());
        }
        let rule = rule_under(r, title.last().unwrap());
        match rule {
            None => f.check(false, || format!("{name}: no rule under the trích yếu")),
            Some(rule) => {
                let len = rule.to.0 - rule.from.0;
                f.check(
                    len >= widest / 3.0 - 0.5 && len <= widest / 2.0 + 0.5,
                    || format!("{name}: trích yếu rule {len:.1} pt for {widest:.1} pt of title"),
                );
            }
        }
        let mut from = k;
        for (i, basis) in r.doc.bases.iter().enumerate() {
            let words: Vec<&str> = basis.plain.split_whitespace().take(4).collect();
            let Some((at, l)) = line_starting(&lines, &words.join(" "), from) else {
                f.check(false, || format!("{name}: căn cứ {i} not found"));
                continue;
            };
            from = at + 1;
            f.check(
                all_runs(l, |r| r.italic && (13.0..=14.0).contains(&r.size)),
                || format!("{name}: căn cứ {:?} must be italic 13–14 pt", l.text()),
            );
            let end = if i + 1 == r.doc.bases.len() {
                [';', '.'].as_slice()
            } else {
                &[';']
            };
            f.check(basis.plain.ends_with(end), || {
                format!("{name}: căn cứ {:?} ends wrongly", basis.plain)
            });
        }
    }
    f.assert_none();
}

/// Index of the first line after the trích yếu (whose lines may wrap): the bold centred lines
/// after the type name at `kind`, up to the one the rule is drawn under (a decision's
/// authority line, bold and centred too, follows the rule).
fn title_end(r: &Rendered, lines: &[Line], kind: usize) -> usize {
    let mut i = kind + 1;
    while lines[i].runs.iter().all(|x| x.bold)
        && (centre(&lines[i]) - text_centre(&r.pages, lines[i].page)).abs() < 2.0 * MM
    {
        i += 1;
        let l = &lines[i - 1];
        if rule_under(r, l).is_some() {
            break;
        }
    }
    i
}

/// The rule drawn right under a line (3 to 10 pt below its baseline), if any.
fn rule_under<'a>(r: &'a Rendered, l: &Line) -> Option<&'a vanban::pages::Rule> {
    r.pages
        .rules
        .iter()
        .find(|x| x.page == l.page && x.from.1 > l.y + 3.0 && x.from.1 < l.y + 10.0)
}

/// The body: from the first căn cứ (or the line after the title) to the first signature line.
fn body_lines(r: &Rendered) -> Vec<Line> {
    let lines = main_lines(r);
    let (k, _) = line_starting(&lines, &r.doc.kind_name, 2).unwrap();
    let start = title_end(r, &lines, k);
    let end = signature_start(r, &lines);
    lines[start..end].to_vec()
}

/// Index of the first line of the signature blocks.
fn signature_start(r: &Rendered, lines: &[Line]) -> usize {
    let first = &r.doc.signatures[0];
    let top = first
        .authority
        .first()
        .map_or(first.title.plain.lines().next().unwrap(), |a| {
            a.plain.lines().next().unwrap()
        })
        .to_owned();
    let title = first.title.plain.lines().next().unwrap().to_owned();
    // The signature lines of a line: the Nơi nhận beside them is smaller.
    let signature_runs = |l: &Line| {
        let mut block = l.clone();
        block.runs.retain(|r| r.size >= 13.0);
        block
    };
    lines
        .iter()
        .rposition(|l| {
            let block = signature_runs(l);
            let t = block.text();
            (t.contains(&top) || t.contains(&title))
                && !block.runs.is_empty()
                && block.runs.iter().all(|r| r.bold)
        })
        .map(|i| {
            // Back to the first line of the row (the longest authority column starts it), over
            // the lines of a Nơi nhận beside it.
            let mut i = i;
            while i > 0
                && signature_runs(&lines[i - 1])
                    .runs
                    .iter()
                    .all(|r| r.bold && r.size == 14.0)
                && signature_runs(&lines[i - 1]).text()
                    == signature_runs(&lines[i - 1]).text().to_uppercase()
                && lines[i - 1].page == lines[i].page
                && lines[i].y - lines[i - 1].y < 20.0
            {
                i -= 1;
            }
            i
        })
        .unwrap()
}

#[test]
fn body_is_justified_indented_and_spaced() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let lines = body_lines(r);
        let ordinary = |l: &Line| {
            let size = l.runs[0].size;
            let centred =
                (centre(l) - text_centre(&r.pages, l.page)).abs() < 1.0 && l.left() > LEFT + 2.0;
            let grid = l
                .runs
                .windows(2)
                .any(|w| w[1].x - (w[0].x + w[0].width) > size);
            !centred && !grid
        };
        // Line pitch inside paragraphs, then paragraph pitch against it.
        let mut pitches = Vec::new();
        let mut paragraphs = 0;
        for (i, l) in lines.iter().enumerate().filter(|(_, l)| ordinary(l)) {
            let size = l.runs[0].size;
            f.check((13.0..=14.0).contains(&size), || {
                format!("{name}: body line at {size} pt: {:?}", l.text())
            });
            let indented = (l.left() - (LEFT + INDENT)).abs() < 1.0;
            let flush = (l.left() - LEFT).abs() < 1.0;
            f.check(indented || flush, || {
                format!("{name}: line starts at {:.1} pt: {:?}", l.left(), l.text())
            });
            paragraphs += usize::from(indented);
            let next = lines.get(i + 1).filter(|n| n.page == l.page && ordinary(n));
            if let Some(n) = next.filter(|n| (n.left() - LEFT).abs() < 1.0) {
                let pitch = n.y - l.y;
                pitches.push(pitch);
                f.check(
                    (l.right() - right_edge(&r.pages, l.page)).abs() < 1.0,
                    || {
                        format!(
                            "{name}: line not justified ({:.1}): {:?}",
                            l.right(),
                            l.text()
                        )
                    },
                );
                f.check(pitch >= 1.15 * size - 0.01 && pitch <= 1.73 * size, || {
                    format!(
                        "{name}: line pitch {pitch:.2} pt (single to 1.5 lines): {:?}",
                        l.text()
                    )
                });
            }
        }
        let line_pitch = pitches.iter().cloned().fold(f64::NAN, f64::min);
        for (i, l) in lines.iter().enumerate().filter(|(_, l)| ordinary(l)) {
            let next = lines.get(i + 1).filter(|n| n.page == l.page && ordinary(n));
            if let Some(n) = next.filter(|n| (n.left() - (LEFT + INDENT)).abs() < 1.0) {
                let gap = n.y - l.y - line_pitch;
                f.check(gap >= 6.0 - 0.01, || {
                    format!("{name}: {gap:.1} pt between paragraphs at {:?}", n.text())
                });
            }
        }
        f.check(paragraphs > 10, || {
            format!("{name}: only {paragraphs} paragraphs seen")
        });
    }
    f.assert_none();
}

#[test]
fn headings_are_set_as_nd30_says() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        check_headings(&mut f, name, r, &body_lines(r), &r.doc);
        for (k, attached) in r.doc.attachments.iter().enumerate() {
            check_headings(&mut f, name, r, &attachment_lines(r, k), attached);
        }
    }
    f.assert_none();
}

/// The Chương, Mục, Điều and mục headings of `doc`, found in order among `lines`.
fn check_headings(f: &mut Findings, name: &str, r: &Rendered, lines: &[Line], doc: &Document) {
    let mut from = 0;
    for chapter in &doc.chapters {
        let Some((i, label)) = line_starting(lines, &chapter.label.plain, from) else {
            f.check(false, || {
                format!("{name}: {} not found", chapter.label.plain)
            });
            continue;
        };
        from = i + 1;
        let title = &lines[i + 1];
        for l in [label, title] {
            f.check(
                all_runs(l, |r| r.bold && (13.0..=14.0).contains(&r.size)),
                || format!("{name}: chương line {:?} must be bold 13–14", l.text()),
            );
            f.check(
                (centre(l) - text_centre(&r.pages, l.page)).abs() < 1.0,
                || format!("{name}: chương line {:?} not centred", l.text()),
            );
        }
        f.check(
            collapse(&title.text()) == collapse(&chapter.title.plain),
            || format!("{name}: chương title reads {:?}", title.text()),
        );
        f.check(title.text() == title.text().to_uppercase(), || {
            format!("{name}: chương title not in capitals")
        });
        for article in &chapter.articles {
            from = check_heading(f, name, lines, &article.label.plain, from);
        }
        for division in &chapter.divisions {
            from = check_division(f, name, r, lines, division, from);
        }
    }
    for division in &doc.divisions {
        from = check_division(f, name, r, lines, division, from);
    }
    for article in &doc.articles {
        from = check_heading(f, name, lines, &article.label.plain, from);
    }
    for section in &doc.sections {
        from = check_heading(f, name, lines, &section.label.plain, from);
    }
}

/// A Mục of a legal document: "Mục 1" and its title in capitals on the line below, both bold and
/// centred like a Chương; then its Điều.
fn check_division(
    f: &mut Findings,
    name: &str,
    r: &Rendered,
    lines: &[Line],
    division: &vanban::document::DivisionView,
    from: usize,
) -> usize {
    let label = &division.label.plain;
    let Some(i) = (from..lines.len()).find(|&i| lines[i].text() == *label) else {
        f.check(false, || format!("{name}: {label} not found"));
        return from;
    };
    // The title in capitals, on one line or more.
    let mut end = i + 1;
    let mut title = String::new();
    while end < lines.len() && collapse(&title).len() < collapse(&division.title.plain).len() {
        title = format!("{title} {}", lines[end].text());
        end += 1;
    }
    for l in &lines[i..end] {
        f.check(
            all_runs(l, |x| x.bold && (13.0..=14.0).contains(&x.size))
                && (centre(l) - text_centre(&r.pages, l.page)).abs() < 1.0,
            || format!("{name}: Mục line {:?} must be bold and centred", l.text()),
        );
    }
    f.check(
        collapse(&title) == collapse(&division.title.plain) && title == title.to_uppercase(),
        || format!("{name}: Mục title reads {title:?}"),
    );
    let mut from = end;
    for article in &division.articles {
        from = check_heading(f, name, lines, &article.label.plain, from);
    }
    from
}

/// A Điều or mục heading: bold, body size, indented like a paragraph. A decision's Điều without
/// a title or text ("Điều 2.") stands alone on its line.
fn check_heading(f: &mut Findings, name: &str, lines: &[Line], label: &str, from: usize) -> usize {
    let found = (from..lines.len())
        .find(|&i| {
            let t = collapse(&lines[i].text());
            t == label || t.starts_with(&format!("{label} "))
        })
        .map(|i| (i, &lines[i]));
    let Some((i, l)) = found else {
        f.check(false, || format!("{name}: heading {label} not found"));
        return from;
    };
    let first = &l.runs[0];
    f.check(first.bold && first.size == 14.0, || {
        format!("{name}: heading {label} must be bold 14 pt")
    });
    f.check((l.left() - (LEFT + INDENT)).abs() < 1.0, || {
        format!("{name}: heading {label} not indented 1.27 cm")
    });
    i + 1
}

#[test]
fn page_numbers_from_page_two_and_per_appendix() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let appendix_pages: Vec<usize> = r
            .pages
            .lines()
            .iter()
            .filter(|l| r.doc.appendices.iter().any(|a| l.text() == a.label.plain) && l.y > TOP)
            .map(|l| l.page)
            .collect();
        f.check(appendix_pages.len() == r.doc.appendices.len(), || {
            format!("{name}: appendix openings {appendix_pages:?}")
        });
        // A text a decision issues is numbered on its own too.
        let attached = attachment_starts(r);
        f.check(attached.len() == r.doc.attachments.len(), || {
            format!("{name}: attached texts open on pages {attached:?}")
        });
        let mut expected = 0;
        for page in 0..r.pages.sizes.len() {
            expected = if page == 0 || appendix_pages.contains(&page) || attached.contains(&page) {
                1
            } else {
                expected + 1
            };
            let numbers: Vec<&Run> = r
                .pages
                .runs
                .iter()
                .filter(|x| x.page == page && x.y < TOP && !x.text.trim().is_empty())
                .collect();
            if expected == 1 {
                f.check(numbers.is_empty(), || {
                    format!("{name}: number on page {}", page + 1)
                });
                continue;
            }
            let [n] = numbers.as_slice() else {
                f.check(false, || {
                    format!("{name}: page {} has {} numbers", page + 1, numbers.len())
                });
                continue;
            };
            f.check(n.text == expected.to_string(), || {
                format!(
                    "{name}: page {} numbered {:?}, expected {expected}",
                    page + 1,
                    n.text
                )
            });
            f.check(
                (13.0..=14.0).contains(&n.size) && !n.bold && !n.italic,
                || format!("{name}: page number style on page {}", page + 1),
            );
            f.check(
                (n.x + n.width / 2.0 - text_centre(&r.pages, page)).abs() < 3.0 * MM,
                || format!("{name}: page number off centre on page {}", page + 1),
            );
        }
    }
    f.assert_none();
}

#[test]
fn signatures_and_nơi_nhận() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let lines = main_lines(r);
        let start = signature_start(r, &lines);
        let ending = &lines[start..];
        let count = r.doc.signatures.len();
        for (b, block) in r.doc.signatures.iter().enumerate() {
            // Blocks go in rows of two, the first of a row on the lead's side; a last block
            // alone takes the right column.
            let alone = b + 1 == count && count % 2 == 1;
            let right = alone || ((b % 2 == 1) != (r.doc.lead_side == "right"));
            let col = |l: &Line| column(l, &r.pages, right);
            let title_line = block.title.plain.lines().last().unwrap();
            let title = ending
                .iter()
                .map(col)
                .rfind(|l| collapse(&l.text()) == collapse(title_line));
            let name_line = ending.iter().map(col).rfind(|l| {
                collapse(&l.text()) == collapse(block.name.plain.lines().last().unwrap())
            });
            let (Some(title), Some(signer)) = (title, name_line) else {
                f.check(false, || {
                    format!("{name}: block {b} not found in its column")
                });
                continue;
            };
            f.check(
                all_runs(&title, |r| r.bold && (13.0..=14.0).contains(&r.size)),
                || format!("{name}: title {:?} must be bold 13–14", title.text()),
            );
            f.check(title.text() == title.text().to_uppercase(), || {
                format!("{name}: title {:?} not in capitals", title.text())
            });
            f.check(
                all_runs(&signer, |r| r.bold && (13.0..=14.0).contains(&r.size)),
                || format!("{name}: signer {:?} must be bold 13–14", signer.text()),
            );
            f.check((centre(&signer) - centre(&title)).abs() < MM, || {
                format!(
                    "{name}: signer {:?} not centred under the title",
                    signer.text()
                )
            });
            f.check(signer.page == title.page, || {
                format!("{name}: block {b} split across pages")
            });
            f.check(signer.y - title.y > 25.0 * MM, || {
                format!("{name}: too little room to sign for block {b}")
            });
            for a in &block.authority {
                let first = a.plain.lines().next().unwrap();
                let prefix_ok = !first.contains('.')
                    || ["TM. ", "KT. ", "Q. ", "TL. ", "TUQ. "]
                        .iter()
                        .any(|p| first.starts_with(p));
                f.check(prefix_ok, || format!("{name}: authority {first:?}"));
            }
        }
        // Blocks side by side share their title and name baselines.
        for pair in r.doc.signatures.chunks(2).filter(|p| p.len() == 2) {
            let ys: Vec<f64> = pair
                .iter()
                .map(|b| {
                    let t = collapse(b.name.plain.lines().last().unwrap());
                    ending
                        .iter()
                        .rfind(|l| collapse(&l.text()).contains(&t))
                        .unwrap()
                        .y
                })
                .collect();
            f.check((ys[0] - ys[1]).abs() < 0.5, || {
                format!("{name}: names not level")
            });
        }
        if r.doc.recipients.is_empty() {
            continue;
        }
        let Some((h, heading)) = line_starting(ending, "Nơi nhận:", 0)
            .or_else(|| {
                ending
                    .iter()
                    .enumerate()
                    .find(|(_, l)| l.text().starts_with("Nơi nhận:"))
            })
            .or_else(|| {
                ending
                    .iter()
                    .enumerate()
                    .find(|(_, l)| l.runs.iter().any(|r| r.text.starts_with("Nơi nhận")))
            })
        else {
            f.check(false, || format!("{name}: no Nơi nhận"));
            continue;
        };
        let run = heading
            .runs
            .iter()
            .find(|r| r.text.starts_with("Nơi nhận"))
            .unwrap();
        f.check(run.bold && run.italic && run.size == 12.0, || {
            format!("{name}: Nơi nhận heading must be 12 pt bold italic")
        });
        f.check((run.x - LEFT).abs() < 1.0, || {
            format!("{name}: Nơi nhận not at the margin")
        });
        // Beside the lone last block, level with its first line; or under the signatures
        // (always so with an even count), when it does not fit beside it on the page.
        let under = {
            let last = &r.doc.signatures[count - 1];
            let name = collapse(last.name.plain.lines().last().unwrap());
            ending
                .iter()
                .rfind(|l| collapse(&l.text()).contains(&name))
                .is_some_and(|n| (heading.page, heading.y) > (n.page, n.y))
        };
        if count % 2 == 1 && !under {
            let last = &r.doc.signatures[count - 1];
            let top = last
                .authority
                .first()
                .unwrap_or(&last.title)
                .plain
                .lines()
                .next()
                .unwrap()
                .to_owned();
            let first = ending
                .iter()
                .map(|l| column(l, &r.pages, true))
                .rfind(|l| collapse(&l.text()) == collapse(&top))
                .unwrap();
            f.check((first.y - run.y).abs() <= 2.0, || {
                format!(
                    "{name}: Nơi nhận at {:.1}, signature at {:.1}",
                    run.y, first.y
                )
            });
        }
        let items: Vec<Line> = ending[h + 1..]
            .iter()
            .map(|l| column(l, &r.pages, false))
            .filter(|l| !l.runs.is_empty() && l.runs.iter().all(|r| r.size == 11.0))
            .collect();
        let starts: Vec<&Line> = items
            .iter()
            .filter(|l| l.text().starts_with("- "))
            .collect();
        f.check(starts.len() == r.doc.recipients.len(), || {
            format!(
                "{name}: {} recipient lines for {}",
                starts.len(),
                r.doc.recipients.len()
            )
        });
        // Beside a block it is one piece; under the signatures it may run on to the next page,
        // "Nơi nhận:" kept with at least two recipients and the last two together.
        let pages: Vec<usize> = starts.iter().map(|l| l.page).collect();
        let on_first = pages.iter().filter(|&&p| p == heading.page).count();
        let on_last = pages.iter().filter(|&&p| Some(&p) == pages.last()).count();
        f.check(
            pages.iter().all(|&p| p == heading.page)
                || (under && on_first >= 2.min(pages.len()) && on_last >= 2.min(pages.len())),
            || format!("{name}: Nơi nhận split across pages ({pages:?})"),
        );
        let last = r.doc.recipients.last().unwrap();
        f.check(
            last.plain.starts_with("Lưu") && last.plain.ends_with('.'),
            || format!("{name}: last recipient {:?}", last.plain),
        );
    }
    f.assert_none();
}

#[test]
fn no_heading_is_left_alone_at_the_foot_of_a_page() {
    let mut f = Findings::default();
    for (name, r) in samples() {
        let attached = (0..r.doc.attachments.len()).map(|k| attachment_lines(r, k));
        for lines in std::iter::once(body_lines(r)).chain(attached) {
            for (i, l) in lines.iter().enumerate() {
                let heading = l.runs.iter().all(|r| r.bold) && l.runs[0].size == 14.0;
                if heading {
                    let next = lines.get(i + 1);
                    f.check(next.is_some_and(|n| n.page == l.page), || {
                        format!(
                            "{name}: heading {:?} alone at the foot of page {}",
                            l.text(),
                            l.page + 1
                        )
                    });
                }
            }
        }
    }
    f.assert_none();
}

#[test]
fn appendices_open_a_page_with_their_label_title_and_reference_and_repeat_table_headers() {
    let mut f = Findings::default();
    let mut seen = 0;
    for (name, r) in samples() {
        let lines: Vec<Line> = r.pages.lines().into_iter().filter(|l| l.y > TOP).collect();
        for (k, appendix) in r.doc.appendices.iter().enumerate() {
            seen += 1;
            let Some((i, label)) = lines
                .iter()
                .enumerate()
                .find(|(_, l)| l.page > 0 && l.text() == appendix.label.plain)
            else {
                f.check(false, || format!("{name}: appendix {k} label missing"));
                continue;
            };
            let first_on_page = lines.iter().position(|l| l.page == label.page).unwrap();
            f.check(i == first_on_page, || {
                format!("{name}: appendix {k} does not open a page")
            });
            f.check(all_runs(label, |r| r.bold && r.size == 14.0), || {
                format!("{name}: appendix label must be 14 pt bold")
            });
            let title = &lines[i + 1];
            f.check(
                all_runs(title, |r| r.bold && (13.0..=14.0).contains(&r.size))
                    && title.text() == title.text().to_uppercase(),
                || {
                    format!(
                        "{name}: appendix title {:?} must be bold capitals",
                        title.text()
                    )
                },
            );
            let attached = lines[i + 2..]
                .iter()
                .find(|l| l.text().starts_with("(Kèm theo"))
                .unwrap();
            f.check(
                all_runs(attached, |r| r.italic && (13.0..=14.0).contains(&r.size)),
                || format!("{name}: Kèm theo line must be italic 13–14 pt"),
            );
            for l in [label, title] {
                f.check(
                    (centre(l) - text_centre(&r.pages, l.page)).abs() < 2.0 * MM,
                    || format!("{name}: {:?} not centred", l.text()),
                );
            }
            let (w, h) = r.pages.sizes[label.page];
            f.check((w > h) == appendix.landscape, || {
                format!("{name}: appendix {k} orientation")
            });
            // Its table's header row tops every page the appendix runs over.
            let Some(table) = &appendix.table else {
                continue;
            };
            let header = collapse(&table.columns[0].title.plain);
            let end = r
                .doc
                .appendices
                .get(k + 1)
                .and_then(|next| lines.iter().find(|l| l.text() == next.label.plain))
                .map_or(r.pages.sizes.len(), |l| l.page);
            let table_start = lines[i..]
                .iter()
                .find(|l| collapse(&l.text()).starts_with(&header))
                .map(|l| l.page)
                .unwrap();
            let mut pages = 0;
            for page in table_start..end {
                pages += 1;
                let top = lines
                    .iter()
                    .filter(|l| l.page == page)
                    .find(|l| collapse(&l.text()).starts_with(&header));
                f.check(top.is_some_and(|l| l.runs[0].bold), || {
                    format!("{name}: page {} lacks the table header row", page + 1)
                });
            }
            f.check(pages >= 2, || {
                format!("{name}: the sample table should span pages")
            });
        }
    }
    assert!(seen > 0, "a sample with an appendix");
    f.assert_none();
}

#[test]
fn printed_dates_pad_days_below_ten_and_the_first_two_months() {
    for (date, printed) in [
        ("2024-01-05", "ngày 05 tháng 01 năm 2024"),
        ("2024-02-29", "ngày 29 tháng 02 năm 2024"),
        ("2024-03-09", "ngày 09 tháng 3 năm 2024"),
        ("2024-12-31", "ngày 31 tháng 12 năm 2024"),
    ] {
        let r = render_yaml(&format!(
            "kind: ban-ghi-nho\ntitle: Hợp tác\nplace: Huế\ndate: {date}\nnumber: 7\n\
             issuers: [{{id: a, name: Sở A, abbr: SA}}]\narticles: [{{title: Phạm vi, clauses: [X]}}]\n\
             signatures: [{{issuer: a, title: Giám đốc, name: Nguyễn Văn A}}]\n"
        ));
        let line = r
            .pages
            .lines()
            .into_iter()
            .find(|l| l.text().starts_with("Số:"))
            .unwrap();
        let when = column(&line, &r.pages, true).text();
        assert_eq!(when, format!("Huế, {printed}"));
        assert!(padded_date(&when), "{when}");
        assert_eq!(column(&line, &r.pages, false).text(), "Số: 07/BGN-SA");
    }
}

#[path = "conformance/family.rs"]
mod family;
