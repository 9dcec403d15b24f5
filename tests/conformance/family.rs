//! ND 30 conformance of the document family, read off the pages of every sample that has the
//! form: a decision's enacting words (the administrative form's authority line and "QUYẾT ĐỊNH:",
//! or the legal form's enacting sentence ending the căn cứ) and its Điều without titles; the first
//! page of each text it issues (heading block, no Số/date row, type name and trích yếu, the
//! "(Kèm theo …)" line centred in italics with the rule under it).

use super::*;

/// Whether a sample is a decision.
fn decision(r: &Rendered) -> bool {
    r.doc.kind_name == "QUYẾT ĐỊNH"
}

/// Whether its number carries the year (a legal document: "26/2025/QĐ-UBND").
fn legal(r: &Rendered) -> bool {
    r.doc.symbol.plain.starts_with(&format!("{}/", r.doc.year))
}

#[test]
fn decisions_enact_in_their_form_and_may_leave_their_articles_untitled() {
    let mut f = Findings::default();
    let mut seen = (0, 0);
    for (name, r) in samples().iter().filter(|(_, r)| decision(r)) {
        let lines = main_lines(r);
        let (k, _) = line_starting(&lines, &r.doc.kind_name, 2).expect("type name");
        let after_title = title_end(r, &lines, k);
        let at = |t: &str| {
            lines
                .iter()
                .position(|l| collapse(&l.text()).starts_with(t))
        };
        let verb = lines.iter().position(|l| l.text() == "QUYẾT ĐỊNH:");
        let first_article = at("Điều 1.").expect("Điều 1.");
        let last_basis = r.doc.bases.last().expect("căn cứ");
        let words: Vec<&str> = last_basis.plain.split_whitespace().take(5).collect();
        let basis = at(&words.join(" ")).expect("the last căn cứ");
        if let Some(enacting) = &r.doc.enacting {
            seen.0 += 1;
            // The authority in bold capitals under the title, "QUYẾT ĐỊNH:" after the căn cứ.
            let authority = collapse(&enacting.authority.plain);
            let mut end = after_title;
            let mut read = String::new();
            while end < lines.len() && collapse(&read).len() < authority.len() {
                read = format!("{read} {}", lines[end].text());
                end += 1;
            }
            f.check(collapse(&read) == authority, || {
                format!("{name}: authority line reads {read:?} under the title")
            });
            for l in &lines[after_title..end] {
                f.check(
                    all_runs(l, |x| x.bold && (13.0..=14.0).contains(&x.size))
                        && (centre(l) - text_centre(&r.pages, l.page)).abs() < MM,
                    || format!("{name}: authority line {:?} bold and centred", l.text()),
                );
            }
            let Some(v) = verb else {
                f.check(false, || format!("{name}: no \"QUYẾT ĐỊNH:\""));
                continue;
            };
            let l = &lines[v];
            f.check(
                all_runs(l, |x| x.bold) && (centre(l) - text_centre(&r.pages, l.page)).abs() < MM,
                || format!("{name}: \"QUYẾT ĐỊNH:\" bold and centred"),
            );
            f.check(basis < v && v < first_article, || {
                format!("{name}: \"QUYẾT ĐỊNH:\" between the căn cứ and Điều 1")
            });
        } else if legal(r) {
            seen.1 += 1;
            // No authority line, no "QUYẾT ĐỊNH:": the enacting sentence ends the căn cứ.
            f.check(verb.is_none(), || {
                format!("{name}: \"QUYẾT ĐỊNH:\" in a legal document")
            });
            f.check(
                last_basis.plain.contains(" ban hành Quyết định ")
                    && last_basis.plain.ends_with('.'),
                || format!("{name}: the căn cứ end with {:?}", last_basis.plain),
            );
            f.check(
                lines[after_title..basis]
                    .iter()
                    .all(|l| all_runs(l, |x| x.italic && !x.bold)),
                || format!("{name}: only căn cứ between the title and the enacting sentence"),
            );
            for l in &lines[basis..first_article] {
                f.check(all_runs(l, |x| x.italic && !x.bold), || {
                    format!("{name}: enacting sentence line {:?} not italic", l.text())
                });
            }
        }
        // A Điều without a title: its label bold, its text regular on the same line.
        for article in r.doc.articles.iter().filter(|a| a.title.plain.is_empty()) {
            let label = &article.label.plain;
            let Some(i) = at(label) else {
                f.check(false, || format!("{name}: {label} not found"));
                continue;
            };
            let l = &lines[i];
            f.check(l.runs[0].bold && l.runs[0].text.trim() == label, || {
                format!("{name}: {label} must open its line in bold")
            });
            f.check(l.runs[1..].iter().all(|x| !x.bold), || {
                format!("{name}: the text of {label} must be regular")
            });
        }
    }
    assert_eq!(
        seen,
        (1, 1),
        "an administrative and a legal decision among the samples"
    );
    f.assert_none();
}

#[test]
fn attached_texts_open_a_page_with_the_heading_block_and_their_kem_theo_line() {
    let mut f = Findings::default();
    let mut seen = 0;
    for (name, r) in samples() {
        let starts = attachment_starts(r);
        for (k, attached) in r.doc.attachments.iter().enumerate() {
            seen += 1;
            let lines: Vec<Line> = attachment_lines(r, k)
                .into_iter()
                .filter(|l| l.page == starts[k])
                .collect();
            // The heading block: Quốc hiệu and Tiêu ngữ on the right, the issuers on the left.
            let nation = column(&lines[0], &r.pages, true);
            f.check(
                nation.text() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                || format!("{name}: attached text {k} opens with {:?}", lines[0].text()),
            );
            f.check(
                column(&lines[1], &r.pages, true).text() == "Độc lập - Tự do - Hạnh phúc",
                || format!("{name}: attached text {k}: no Tiêu ngữ"),
            );
            let Some((t, _)) = line_starting(&lines, &attached.kind_name, 1) else {
                f.check(false, || format!("{name}: attached text {k}: no type name"));
                continue;
            };
            let issuers: String = lines[..t]
                .iter()
                .map(|l| column(l, &r.pages, false))
                .filter(|l| !l.runs.is_empty())
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join(" ");
            let expected: Vec<String> = attached
                .issuers
                .iter()
                .map(|i| {
                    let parent = i.parent.as_ref().map(|p| p.plain.clone());
                    collapse(&format!("{} {}", parent.unwrap_or_default(), i.name.plain))
                })
                .collect();
            f.check(collapse(&issuers) == expected.join(" "), || {
                format!("{name}: attached text {k}: heading block {issuers:?}")
            });
            // No Số/date row.
            f.check(
                !lines[..t].iter().any(|l| {
                    let text = l.text();
                    text.contains("Số:") || text.contains(&format!("{}, ngày", r.doc.place.plain))
                }),
                || format!("{name}: attached text {k} has a Số/date row"),
            );
            // Type name and trích yếu bold and centred, then the Kèm theo line centred in
            // italics, the rule under it.
            let title_lines = attached.title_lines.len();
            for l in &lines[t..=t + title_lines] {
                f.check(
                    all_runs(l, |x| x.bold && (13.0..=14.0).contains(&x.size))
                        && (centre(l) - text_centre(&r.pages, l.page)).abs() < 2.0 * MM,
                    || format!("{name}: title line {:?} bold and centred", l.text()),
                );
            }
            let line = format!("({})", attached.attached.as_ref().unwrap().line.plain);
            let mut end = t + title_lines + 1;
            let mut read = String::new();
            while end < lines.len() && collapse(&read).len() < collapse(&line).len() {
                // A line broken after a hyphen of the ký hiệu joins without a space.
                let gap = if read.ends_with('-') { "" } else { " " };
                read = format!("{read}{gap}{}", lines[end].text());
                end += 1;
            }
            f.check(collapse(&read) == collapse(&line), || {
                format!("{name}: attached text {k}: Kèm theo line reads {read:?}")
            });
            for l in &lines[t + title_lines + 1..end] {
                f.check(
                    all_runs(l, |x| {
                        x.italic && !x.bold && (13.0..=14.0).contains(&x.size)
                    }) && (centre(l) - text_centre(&r.pages, l.page)).abs() < 2.0 * MM,
                    || format!("{name}: Kèm theo line {:?} centred in italics", l.text()),
                );
            }
            f.check(rule_under(r, &lines[end - 1]).is_some(), || {
                format!("{name}: attached text {k}: no rule under the Kèm theo line")
            });
            // Its own numbering: Điều 1 again.
            let first = attached
                .chapters
                .first()
                .and_then(|c| c.articles.first())
                .or(attached.articles.first());
            f.check(first.is_none_or(|a| a.number == 1), || {
                format!("{name}: attached text {k} does not number its Điều from 1")
            });
        }
    }
    assert!(seen >= 2, "samples with attached texts");
    f.assert_none();
}
