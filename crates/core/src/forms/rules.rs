//! The checks behind the field kinds other than personal numbers ([`crate::idnum`]): calendar
//! dates, Albanian mobile numbers, e-mail addresses, e-Albania passwords and SMS one-time codes.
//! Each is a pure function of the typed value (and of `today` for dates: the core never reads
//! the clock).

use std::fmt;

use crate::forms::report::DiagnosticCode;

/// A calendar date (proleptic Gregorian), always a real one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, if it is in the calendar (no 30 February, no month 13).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, the form an HTML date input gives.
    ///
    /// # Errors
    /// [`DiagnosticCode::DateFormat`] when it is not written that way,
    /// [`DiagnosticCode::DateNotReal`] when it is, but names no day of the calendar.
    pub fn parse(value: &str) -> Result<Date, DiagnosticCode> {
        let value = value.trim();
        let bytes = value.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DiagnosticCode::DateFormat);
        }
        let number = |range: std::ops::Range<usize>| value[range].parse::<u32>().expect("checked to be digits");
        let year = i32::try_from(number(0..4)).expect("four digits fit");
        Date::new(year, number(5..7), number(8..10)).ok_or(DiagnosticCode::DateNotReal)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        self.day
    }

    /// Days from 1970-01-01 to this date (negative before it), in the proleptic Gregorian calendar.
    pub fn days_since_epoch(self) -> i64 {
        // Counted from 1 March, so the leap day is the last day of its year.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01 (before it, when negative): the inverse of
    /// [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date { year: year as i32, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of `month` (1–12) in `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Which side of today a date field accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// Today or earlier, e.g. a birth date.
    Past,
    /// Today or later, e.g. the expiry date of a card still valid.
    Future,
    /// Any real date.
    #[default]
    Any,
}

/// Checks a date field's value against `when`, relative to `today`.
///
/// # Errors
/// The [`Date::parse`] codes, [`DiagnosticCode::DateMustBePast`] or
/// [`DiagnosticCode::DateMustBeFuture`].
pub fn date(value: &str, when: When, today: Date) -> Result<Date, DiagnosticCode> {
    let date = Date::parse(value)?;
    match when {
        When::Past if date > today => Err(DiagnosticCode::DateMustBePast),
        When::Future if date < today => Err(DiagnosticCode::DateMustBeFuture),
        _ => Ok(date),
    }
}

/// Reads an Albanian mobile number — `06x xxx xxxx` with x = 7, 8 or 9, or the same after
/// `+355` / `00355` without the leading 0 — forgiving spaces and dashes. Returns the number in
/// international form, `+3556xxxxxxxx`.
///
/// # Errors
/// [`DiagnosticCode::PhoneAlFormat`] for anything else.
pub fn albanian_mobile(value: &str) -> Result<String, DiagnosticCode> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let national = if let Some(rest) = compact.strip_prefix("+355").or_else(|| compact.strip_prefix("00355")) {
        rest
    } else if let Some(rest) = compact.strip_prefix('0') {
        rest
    } else {
        return Err(DiagnosticCode::PhoneAlFormat);
    };
    let bytes = national.as_bytes();
    let mobile =
        bytes.len() == 9 && bytes[0] == b'6' && matches!(bytes[1], b'7'..=b'9') && bytes.iter().all(u8::is_ascii_digit);
    if mobile { Ok(format!("+355{national}")) } else { Err(DiagnosticCode::PhoneAlFormat) }
}

/// Checks the shape of an e-mail address: one `@`, something before it, and after it a domain of
/// at least two dot-separated parts made of letters, digits and dashes. Deliberately simple: it
/// catches typing slips (a missing `@`, a space, `gmail,com`), not every address RFC 5322 allows.
///
/// # Errors
/// [`DiagnosticCode::EmailFormat`].
pub fn email(value: &str) -> Result<(), DiagnosticCode> {
    let value = value.trim();
    let Some((local, domain)) = value.split_once('@') else { return Err(DiagnosticCode::EmailFormat) };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if local_ok && domain_ok { Ok(()) } else { Err(DiagnosticCode::EmailFormat) }
}

/// e-Albania's published password length: 8 to 12 characters.
pub const PASSWORD_MIN: u32 = 8;
/// See [`PASSWORD_MIN`].
pub const PASSWORD_MAX: u32 = 12;

/// Checks a new password: `min`..=`max` characters (e-Albania publishes 8–12, see
/// [`PASSWORD_MIN`]), with at least one letter and one digit. The letter-and-digit rule is ours,
/// not e-Albania's published one: it teaches the habit without claiming the portal asks for it.
///
/// # Errors
/// [`DiagnosticCode::PasswordLength`], [`DiagnosticCode::PasswordNeedsLetter`] or
/// [`DiagnosticCode::PasswordNeedsDigit`], in that order.
pub fn password(value: &str, min: u32, max: u32) -> Result<(), DiagnosticCode> {
    let length = value.chars().count();
    if length < min as usize || length > max as usize {
        return Err(DiagnosticCode::PasswordLength);
    }
    if !value.chars().any(char::is_alphabetic) {
        return Err(DiagnosticCode::PasswordNeedsLetter);
    }
    if !value.chars().any(|c| c.is_ascii_digit()) {
        return Err(DiagnosticCode::PasswordNeedsDigit);
    }
    Ok(())
}

/// Checks a one-time SMS code: six digits (spaces forgiven), equal to `expected` when the practice
/// has "sent" one. With `expected` `None` only the shape is checked.
///
/// # Errors
/// [`DiagnosticCode::OtpFormat`] or [`DiagnosticCode::OtpWrong`].
pub fn otp(value: &str, expected: Option<&str>) -> Result<(), DiagnosticCode> {
    let code: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DiagnosticCode::OtpFormat);
    }
    match expected {
        Some(expected) if expected != code => Err(DiagnosticCode::OtpWrong),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_since_epoch_count_leap_years() {
        for (date, days) in
            [("1970-01-01", 0), ("1970-03-01", 59), ("2000-02-29", 11_016), ("2026-11-28", 20_785), ("1969-12-31", -1)]
        {
            assert_eq!(Date::parse(date).unwrap().days_since_epoch(), days, "{date}");
            assert_eq!(Date::from_days_since_epoch(days).to_string(), date, "and back");
        }
    }

    use super::*;
    use DiagnosticCode::*;

    fn today() -> Date {
        Date::new(2025, 6, 15).unwrap()
    }

    #[test]
    fn dates() {
        let check = |input: &str, when: When, expect: Result<&str, DiagnosticCode>| {
            let got = date(input, when, today()).map(|d| d.to_string());
            assert_eq!(got, expect.map(str::to_owned), "date({input:?}, {when:?})");
        };
        check("1980-05-17", When::Past, Ok("1980-05-17"));
        check(" 2025-06-15 ", When::Past, Ok("2025-06-15"));
        check("2025-06-15", When::Future, Ok("2025-06-15"));
        check("2031-01-01", When::Future, Ok("2031-01-01"));
        check("2031-01-01", When::Any, Ok("2031-01-01"));
        check("2024-02-29", When::Any, Ok("2024-02-29"));
        check("2000-02-29", When::Any, Ok("2000-02-29"));
        check("1900-02-29", When::Any, Err(DateNotReal));
        check("2023-02-29", When::Any, Err(DateNotReal));
        check("2023-04-31", When::Any, Err(DateNotReal));
        check("2023-13-01", When::Any, Err(DateNotReal));
        check("2023-00-10", When::Any, Err(DateNotReal));
        check("2023-01-00", When::Any, Err(DateNotReal));
        check("17.05.1980", When::Any, Err(DateFormat));
        check("1980-5-17", When::Any, Err(DateFormat));
        check("", When::Any, Err(DateFormat));
        check("198a-05-17", When::Any, Err(DateFormat));
        check("2025-06-16", When::Past, Err(DateMustBePast));
        check("2025-06-14", When::Future, Err(DateMustBeFuture));
    }

    #[test]
    fn albanian_mobiles() {
        let check = |input: &str, expect: Result<&str, DiagnosticCode>| {
            assert_eq!(albanian_mobile(input), expect.map(str::to_owned), "albanian_mobile({input:?})");
        };
        check("0691234567", Ok("+355691234567"));
        check("067 123 4567", Ok("+355671234567"));
        check("068-123-45-67", Ok("+355681234567"));
        check("+355 69 123 4567", Ok("+355691234567"));
        check("00355691234567", Ok("+355691234567"));
        check("069123456", Err(PhoneAlFormat)); // one digit short
        check("06912345678", Err(PhoneAlFormat)); // one digit too many
        check("0661234567", Err(PhoneAlFormat)); // 066 is not a mobile prefix we accept
        check("0421234567", Err(PhoneAlFormat)); // a Tirana landline
        check("691234567", Err(PhoneAlFormat)); // no leading 0 or +355
        check("+383441234567", Err(PhoneAlFormat)); // Kosovo
        check("069 123 456a", Err(PhoneAlFormat));
        check("", Err(PhoneAlFormat));
    }

    #[test]
    fn emails() {
        let check = |input: &str, ok: bool| {
            assert_eq!(email(input).is_ok(), ok, "email({input:?})");
            if !ok {
                assert_eq!(email(input), Err(EmailFormat));
            }
        };
        check("drita.hoxha@example.com", true);
        check("  arben+test@mail.example.al ", true);
        check("o'brien@example.org", true);
        check("drita.hoxha@example", false);
        check("drita.hoxha@gmail,com", false);
        check("drita hoxha@example.com", false);
        check("@example.com", false);
        check("drita@", false);
        check("drita@@example.com", false);
        check("drita..h@example.com", false);
        check("drita@-example.com", false);
        check("drita@example.c", false);
        check("drita@example.123", false);
        check("", false);
    }

    #[test]
    fn passwords() {
        let check = |input: &str, expect: Result<(), DiagnosticCode>| {
            assert_eq!(password(input, PASSWORD_MIN, PASSWORD_MAX), expect, "password({input:?})");
        };
        check("lule2024", Ok(()));
        check("Ëndërr12", Ok(()));
        check("abcdefghij12", Ok(()));
        check("lule202", Err(PasswordLength)); // 7
        check("abcdefghij123", Err(PasswordLength)); // 13
        check("", Err(PasswordLength));
        check("12345678", Err(PasswordNeedsLetter));
        check("lulelule", Err(PasswordNeedsDigit));
    }

    #[test]
    fn one_time_codes() {
        let check = |input: &str, expected: Option<&str>, expect: Result<(), DiagnosticCode>| {
            assert_eq!(otp(input, expected), expect, "otp({input:?}, {expected:?})");
        };
        check("482913", Some("482913"), Ok(()));
        check("482 913", Some("482913"), Ok(()));
        check("482913", None, Ok(()));
        check("482914", Some("482913"), Err(OtpWrong));
        check("48291", Some("482913"), Err(OtpFormat));
        check("4829130", None, Err(OtpFormat));
        check("48291a", None, Err(OtpFormat));
        check("", None, Err(OtpFormat));
    }
}
