//! Numbers for the reports and the transparency page (counts, answered share, first-reply time
//! median and 90th percentile, grouped by any key) and the CSV writer for exports: UTF-8 with a
//! BOM, CRLF, quoted where needed, and safe from formula injection in spreadsheets.

use std::collections::BTreeMap;

use crate::storage::dashboard::ReportRow;

/// What a set of submissions adds up to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// How many were received.
    pub received: usize,
    /// How many had a reply.
    pub answered: usize,
    /// Median time to the first reply (ms), over those answered.
    pub median_ms: Option<i64>,
    /// 90th percentile of the time to the first reply (ms).
    pub p90_ms: Option<i64>,
}

impl Summary {
    /// The answered share in whole percent.
    pub fn answered_percent(&self) -> u32 {
        (self.answered * 100 + self.received / 2).checked_div(self.received).unwrap_or(0) as u32
    }
}

/// The nearest-rank percentile `p` (0–100) of sorted values.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1) as usize;
    Some(sorted[rank.min(sorted.len()) - 1])
}

/// The summary of `rows`.
pub fn summarize<'a>(rows: impl IntoIterator<Item = &'a ReportRow>) -> Summary {
    let mut received = 0;
    let mut times = Vec::new();
    for row in rows {
        received += 1;
        if let Some(first) = row.first_reply_at {
            times.push((first - row.sent_at).max(0));
        }
    }
    times.sort_unstable();
    Summary { received, answered: times.len(), median_ms: percentile(&times, 50), p90_ms: percentile(&times, 90) }
}

/// Summaries of `rows` grouped by `key`, in key order.
pub fn by<'a>(rows: &'a [ReportRow], key: impl Fn(&'a ReportRow) -> String) -> Vec<(String, Summary)> {
    let mut groups: BTreeMap<String, Vec<&ReportRow>> = BTreeMap::new();
    for row in rows {
        groups.entry(key(row)).or_default().push(row);
    }
    groups.into_iter().map(|(k, rows)| (k, summarize(rows))).collect()
}

/// How many of `rows` have each value of `key`, in key order.
pub fn counts<'a>(rows: &'a [ReportRow], key: impl Fn(&'a ReportRow) -> &'a str) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        *counts.entry(key(row)).or_default() += 1;
    }
    counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect()
}

/// One CSV cell: a text a spreadsheet would take for a formula gets a leading `'`; a cell with a
/// comma, a quote or a line break is quoted, its quotes doubled.
pub fn csv_cell(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe }
}

/// A whole CSV file: UTF-8 with a byte order mark (so spreadsheets read Albanian and Cyrillic
/// right), CRLF line ends.
pub fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(sent: i64, reply: Option<i64>) -> ReportRow {
        ReportRow {
            kind: "problem".into(),
            category: "water".into(),
            village: None,
            status: "received".into(),
            sent_at: sent,
            first_reply_at: reply,
        }
    }

    #[test]
    fn medians_and_percentiles() {
        let rows: Vec<ReportRow> = (1..=10).map(|h| row(0, Some(h * 3_600_000))).chain([row(0, None)]).collect();
        let s = summarize(&rows);
        assert_eq!((s.received, s.answered), (11, 10));
        assert_eq!(s.median_ms, Some(5 * 3_600_000), "nearest rank: the 5th of 10");
        assert_eq!(s.p90_ms, Some(9 * 3_600_000));
        assert_eq!(s.answered_percent(), 91);
        assert_eq!(summarize(&[]), Summary::default());
        assert_eq!(percentile(&[7], 90), Some(7));
    }

    #[test]
    fn csv_is_quoted_and_safe() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("Ujë\nдобро"), "\"Ujë\nдобро\"");
        let file = csv(&[vec!["a".into(), "b".into()], vec!["ç".into(), "ж".into()]]);
        assert_eq!(file, "\u{feff}a,b\r\nç,ж\r\n".as_bytes());
    }
}
