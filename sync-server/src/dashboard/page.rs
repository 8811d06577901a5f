//! The frame of every dashboard and transparency page (skip link, header, navigation, language
//! switcher, one stylesheet), dates as people read them, and the stylesheet itself: light, no
//! fonts to download, targets of at least 48 px, reflowing from a phone to an old office PC.

use maud::{DOCTYPE, Markup, html};
use mcommunity_core::{forms::rules::Date, locale::Locale};

use super::web::{Lang, Staff};

/// The stylesheet, served at [`STYLE_PATH`].
pub const STYLE: &str = include_str!("style.css");
/// Where the stylesheet is served.
pub const STYLE_PATH: &str = "/dashboard/static/style.css";

/// A whole page: `title` is the `<title>` and the `<h1>`; `path` is this page's path, for the
/// language switcher; `staff` is who is signed in, if anyone (shows the staff navigation).
pub fn page(lang: Lang, title: &str, path: &str, staff: Option<&Staff>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (lang.t("dash-site")) }
                link rel="stylesheet" href=(STYLE_PATH);
            }
            body {
                a.skip href="#main" { (lang.t("dash-skip")) }
                header.top {
                    p.site { (words(&lang.t("dash-site"))) }
                    @if let Some(staff) = staff {
                        nav aria-label=(lang.t("dash-nav")) {
                            ul.nav {
                                @if staff.role.reads_inbox() {
                                    li { a href="/dashboard" { (lang.t("dash-nav-inbox")) } }
                                    li { a href="/dashboard/reports" { (lang.t("dash-nav-reports")) } }
                                }
                                @if staff.role.sees_indicators() {
                                    li { a href="/dashboard/indicators" { (lang.t("dash-nav-indicators")) } }
                                }
                                @if staff.role.is_admin() {
                                    li { a href="/dashboard/announcements" { (lang.t("dash-nav-announcements")) } }
                                    li { a href="/dashboard/categories" { (lang.t("dash-nav-categories")) } }
                                    li { a href="/dashboard/audit" { (lang.t("dash-nav-audit")) } }
                                }
                                li { a href="/transparency" { (lang.t("dash-nav-transparency")) } }
                                li {
                                    form method="post" action="/dashboard/logout" {
                                        (csrf(staff))
                                        button type="submit" { (words(&lang.ta("dash-logout", &[("name", mcommunity_core::i18n::Arg::Text(&staff.username))]))) }
                                    }
                                }
                            }
                        }
                    }
                    nav aria-label=(lang.t("dash-language")) {
                        ul.langs {
                            @for l in Locale::ALL {
                                li {
                                    @let tag = Lang(l).tag();
                                    @if l == lang.0 {
                                        a href={ (path) "?lang=" (l.code()) } lang=(tag) hreflang=(tag) aria-current="true" { (l.native_name()) }
                                    } @else {
                                        a href={ (path) "?lang=" (l.code()) } lang=(tag) hreflang=(tag) { (l.native_name()) }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main {
                    h1 { (title) }
                    (body)
                }
            }
        }
    }
}

/// A text whose hyphenated words ("Fushë-Arrëz") never break at their hyphen.
pub fn words(text: &str) -> Markup {
    html! {
        @for (i, word) in text.split(' ').enumerate() {
            @if i > 0 { " " }
            @if word.contains('-') { span.nowrap { (word) } } @else { (word) }
        }
    }
}

/// A time as people read it, kept on one line.
pub fn when(ms: i64) -> Markup {
    html! { span.nowrap { (datetime(ms)) } }
}

/// The hidden CSRF field every staff form carries.
pub fn csrf(staff: &Staff) -> Markup {
    html! { input type="hidden" name="csrf" value=(staff.csrf); }
}

/// Days since 1970-01-01 of a date that exists.
fn days_of(year: i32, month: u32, day: u32) -> i64 {
    Date::new(year, month, day).expect("a real date").days_since_epoch()
}

/// The UTC time (ms) at which daylight saving time starts (`march`) or ends in a year: 01:00 UTC
/// on the last Sunday of that month, the rule of the European Union and of Albania, Kosovo and
/// North Macedonia.
fn summer_edge(year: i32, march: bool) -> i64 {
    let last = days_of(year, if march { 3 } else { 10 }, 31);
    // 1970-01-01 was a Thursday: weekday 0 = Sunday is (days + 4) mod 7.
    let sunday = last - (last + 4).rem_euclid(7);
    sunday * 86_400_000 + 3_600_000
}

/// How far the municipality's clocks are ahead of UTC at `ms`: Central European Time, one hour,
/// two in summer. Every day, month and time on the dashboard is the municipality's, so a request
/// sent at 00:30 on a Monday in Fushë-Arrëz counts for Monday.
pub fn local_offset(ms: i64) -> i64 {
    let year = Date::from_days_since_epoch(ms.div_euclid(86_400_000)).year();
    if (summer_edge(year, true)..summer_edge(year, false)).contains(&ms) { 7_200_000 } else { 3_600_000 }
}

/// `YYYY-MM-DD` of a time in ms, on the municipality's clock.
pub fn date(ms: i64) -> String {
    Date::from_days_since_epoch((ms + local_offset(ms)).div_euclid(86_400_000)).to_string()
}

/// `YYYY-MM` of a time in ms, on the municipality's clock.
pub fn month(ms: i64) -> String {
    date(ms)[..7].to_owned()
}

/// `YYYY-MM-DD HH:MM` of a time in ms, on the municipality's clock.
pub fn datetime(ms: i64) -> String {
    let minutes = (ms + local_offset(ms)).div_euclid(60_000).rem_euclid(24 * 60);
    format!("{} {:02}:{:02}", date(ms), minutes / 60, minutes % 60)
}

/// The start (ms) of a `YYYY-MM-DD` date, if it is one.
pub fn parse_date(s: &str) -> Option<i64> {
    let day = Date::parse(s.trim()).ok().filter(|d| d.year() >= 1970)?;
    // Midnight on the municipality's clock (the offset of that very hour: edges fall at 01:00 UTC).
    let midnight = day.days_since_epoch() * 86_400_000;
    Some(midnight - local_offset(midnight - 3_600_000))
}

/// A duration in ms as hours, with one decimal below ten hours, as people read it.
pub fn hours(ms: i64) -> String {
    let h = ms as f64 / 3_600_000.0;
    if h < 10.0 { format!("{h:.1}") } else { format!("{h:.0}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dashboard_keeps_the_municipalitys_clock_with_summer_time() {
        let at = |y, m, d, h: i64, min: i64| days_of(y, m, d) * 86_400_000 + h * 3_600_000 + min * 60_000;
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(datetime(at(2026, 3, 29, 0, 59)), "2026-03-29 01:59");
        assert_eq!(datetime(at(2026, 3, 29, 1, 0)), "2026-03-29 03:00", "clocks go forward");
        assert_eq!(datetime(at(2026, 7, 1, 22, 30)), "2026-07-02 00:30", "a summer night is already tomorrow");
        assert_eq!(datetime(at(2026, 10, 25, 0, 59)), "2026-10-25 02:59");
        assert_eq!(datetime(at(2026, 10, 25, 1, 0)), "2026-10-25 02:00", "and back");
        assert_eq!(date(at(2026, 12, 31, 23, 30)), "2027-01-01", "new year comes an hour early");
        assert_eq!(month(at(2026, 11, 30, 23, 30)), "2026-12");
        assert_eq!(parse_date("2026-07-02"), Some(at(2026, 7, 1, 22, 0)), "a summer day starts at 22:00 UTC");
        assert_eq!(date(parse_date("2026-07-02").unwrap()), "2026-07-02");
    }

    #[test]
    fn dates_round_trip() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(datetime(1_764_440_000_000), "2025-11-29 19:13", "18:13 UTC is 19:13 in winter");
        assert_eq!(parse_date("2024-02-29"), Some(days_of(2024, 2, 29) * 86_400_000 - 3_600_000));
        assert_eq!(date(parse_date("2024-02-29").unwrap()), "2024-02-29");
        assert_eq!(parse_date("2023-02-29"), None, "not a day of that year");
        assert_eq!(parse_date("29.02.2024"), None);
        assert_eq!(month(parse_date("2026-12-31").unwrap()), "2026-12");
        assert_eq!(hours(90 * 60_000), "1.5");
    }
}
