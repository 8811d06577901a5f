//! Personal numbers of Albania (NID), Kosovo (numri personal) and North Macedonia (EMBG), checked
//! the way the real e-services check them, so a practice form refuses what the real one would.
//!
//! ```
//! use mcommunity_core::idnum::{self, Country, IdProblem};
//!
//! assert_eq!(idnum::check(Country::Al, "j6 5101 123i").unwrap().value, "J65101123I");
//! assert_eq!(idnum::check(Country::Mk, "010198545000"), Err(IdProblem::WrongLength { expected: 13, found: 12 }));
//! ```

use serde::{Deserialize, Serialize};

use crate::forms::{
    report::{Diagnostic, DiagnosticCode},
    rules::Date,
};

/// A country whose personal numbers and e-services the practice forms copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Country {
    /// Albania.
    Al,
    /// Kosovo.
    Xk,
    /// North Macedonia.
    Mk,
}

impl Country {
    /// Every country, in a stable order.
    pub const ALL: [Country; 3] = [Country::Al, Country::Xk, Country::Mk];

    /// The lowercase code, as in form files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Country::Al => "al",
            Country::Xk => "xk",
            Country::Mk => "mk",
        }
    }

    /// The number of signs of this country's personal number.
    pub fn id_length(self) -> usize {
        match self {
            Country::Al | Country::Xk => 10,
            Country::Mk => 13,
        }
    }
}

impl std::str::FromStr for Country {
    type Err = UnknownCountry;

    fn from_str(s: &str) -> Result<Country, UnknownCountry> {
        Country::ALL.into_iter().find(|c| c.code() == s).ok_or(UnknownCountry)
    }
}

/// A string that names none of [`Country::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country, expected al, xk or mk")]
pub struct UnknownCountry;

/// A personal number that passed its country's format check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// The number as the service stores it: no spaces, upper case.
    pub value: String,
    /// The birth date the number encodes (Albania and North Macedonia; `None` for Kosovo, whose
    /// numbers encode none).
    pub born: Option<Date>,
    /// Whether the check sign was confirmed. Always `true` for Albania and North Macedonia, whose
    /// check failures are errors; for Kosovo, `false` means the last digit disagrees with the only
    /// public account of the rule (see [`check`]), which is not enough to refuse the number.
    pub check_confirmed: bool,
}

/// Why a personal number cannot be right. Positions count from 1 over the number with spaces
/// removed, as a person counts the signs on the card.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdProblem {
    /// Nothing but spaces.
    Empty,
    /// Too few or too many signs.
    WrongLength {
        /// The country's length.
        expected: usize,
        /// The length typed, spaces removed.
        found: usize,
    },
    /// A sign that cannot stand where it is (a letter among the digits, a punctuation mark).
    BadCharacter {
        /// Where, from 1.
        position: usize,
    },
    /// Albania: the first sign is a letter after T, so it names no decade.
    BadDecade,
    /// The month part names no month (in any of its codes, for Albania).
    BadMonth,
    /// The day part is 00 or above 31.
    BadDay,
    /// Month and day exist, but not together in that year (31 April, 29 February 2023), or
    /// (North Macedonia) the year part names no century in use.
    BadDate,
    /// The check sign does not match the others.
    BadCheck {
        /// The check sign the others call for.
        expected: char,
    },
    /// North Macedonia: the first twelve digits call for a check value of 10, which has no digit,
    /// so no such number is ever issued.
    NeverIssued,
}

impl IdProblem {
    /// The diagnostic a form shows for this problem with a number of `country`.
    pub fn diagnostic(&self, field: &str, country: Country) -> Diagnostic {
        let code = match self {
            IdProblem::Empty => DiagnosticCode::IdEmpty,
            IdProblem::WrongLength { expected, found } => {
                return Diagnostic::new(field, DiagnosticCode::IdWrongLength)
                    .with_number("expected", *expected as i64)
                    .with_number("found", *found as i64);
            }
            IdProblem::BadCharacter { position } => {
                return Diagnostic::new(field, DiagnosticCode::IdBadCharacter)
                    .with_number("position", *position as i64);
            }
            IdProblem::BadDecade => DiagnosticCode::NidBadDecade,
            IdProblem::BadMonth => DiagnosticCode::IdBadMonth,
            IdProblem::BadDay => DiagnosticCode::IdBadDay,
            IdProblem::BadDate => DiagnosticCode::IdBadDate,
            IdProblem::BadCheck { .. } => match country {
                Country::Mk => DiagnosticCode::EmbgBadCheck,
                Country::Al | Country::Xk => DiagnosticCode::NidBadCheck,
            },
            IdProblem::NeverIssued => DiagnosticCode::EmbgNeverIssued,
        };
        Diagnostic::new(field, code)
    }
}

/// Checks `value` as a personal number of `country`, forgiving spaces (and, for Albania, lower
/// case).
///
/// - **Albania** (NID, e.g. `J65101123I`): a decade sign (`0`–`9` for the 1800s, then `A`–`T`
///   for 1900–2090), a year digit, a month code (01–12 men, 51–62 women, 31–42 and 81–92 foreign
///   nationals), a day valid in that month and year, a three-digit serial, and a check letter.
/// - **North Macedonia** (EMBG, `DDMMYYYRRBBBK`): a real date (`9xx` is 1900 + xx, `0xx`
///   2000 + xx), then region, serial and a check digit.
/// - **Kosovo**: ten digits. The check-digit rule comes from one public source only, so a
///   mismatch does not refuse the number: it passes with
///   [`check_confirmed`](Normalized::check_confirmed) `false`, and the form shows a notice asking
///   the person to compare with their card. The format check stays authoritative.
///
/// # Errors
/// The first [`IdProblem`] found, checking length, then signs, then date, then check sign.
pub fn check(country: Country, value: &str) -> Result<Normalized, IdProblem> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(IdProblem::Empty);
    }
    let found = compact.chars().count();
    if found != country.id_length() {
        return Err(IdProblem::WrongLength { expected: country.id_length(), found });
    }
    match country {
        Country::Al => albania(&compact.to_ascii_uppercase()),
        Country::Xk => kosovo(&compact),
        Country::Mk => north_macedonia(&compact),
    }
}

/// The Albanian check alphabet; a letter's value in the weighted sum is also its index here.
const NID_CHECK_LETTERS: &[u8; 23] = b"WABCDEFGHIJKLMNOPQRSTUV";
const NID_DECADES: &[u8; 30] = b"0123456789ABCDEFGHIJKLMNOPQRST";
const NID_WEIGHTS: [u32; 9] = [1, 1, 2, 3, 4, 5, 6, 7, 8];

fn albania(nid: &str) -> Result<Normalized, IdProblem> {
    let b = nid.as_bytes();
    if !b[0].is_ascii_alphanumeric() {
        return Err(IdProblem::BadCharacter { position: 1 });
    }
    if let Some(i) = (1..9).find(|&i| !b[i].is_ascii_digit()) {
        return Err(IdProblem::BadCharacter { position: i + 1 });
    }
    if !b[9].is_ascii_uppercase() {
        return Err(IdProblem::BadCharacter { position: 10 });
    }
    let decade = NID_DECADES.iter().position(|&d| d == b[0]).ok_or(IdProblem::BadDecade)?;
    let year = 1800 + 10 * decade as i32 + digit(b[1]) as i32;
    let month_code = digits(&b[2..4]);
    let month = match month_code {
        1..=12 => month_code,
        31..=42 => month_code - 30,
        51..=62 => month_code - 50,
        81..=92 => month_code - 80,
        _ => return Err(IdProblem::BadMonth),
    };
    let born = birth_date(year, month, digits(&b[4..6]))?;
    let sum: u32 = b[..9]
        .iter()
        .zip(NID_WEIGHTS)
        .map(|(&c, w)| {
            let value = if c.is_ascii_digit() {
                digit(c)
            } else {
                // A decade letter is always one of A–T, all in the check alphabet.
                NID_CHECK_LETTERS.iter().position(|&l| l == c).expect("A–T are check letters") as u32
            };
            value * w
        })
        .sum();
    let remainder = (sum % 23) as usize;
    let expected = NID_CHECK_LETTERS[remainder];
    // Numbers with remainder 0 are issued ending in W and in A alike, so both are accepted.
    let matches = b[9] == expected || (remainder == 0 && b[9] == b'A');
    if !matches {
        return Err(IdProblem::BadCheck { expected: expected as char });
    }
    Ok(Normalized { value: nid.to_owned(), born: Some(born), check_confirmed: true })
}

const EMBG_WEIGHTS: [u32; 12] = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn north_macedonia(embg: &str) -> Result<Normalized, IdProblem> {
    let b = embg.as_bytes();
    if let Some(i) = b.iter().position(|c| !c.is_ascii_digit()) {
        return Err(IdProblem::BadCharacter { position: i + 1 });
    }
    let month = digits(&b[2..4]);
    if !(1..=12).contains(&month) {
        return Err(IdProblem::BadMonth);
    }
    let year = match (b[4], digits(&b[5..7]) as i32) {
        (b'9', yy) => 1900 + yy,
        (b'0', yy) => 2000 + yy,
        _ => return Err(IdProblem::BadDate),
    };
    let born = birth_date(year, month, digits(&b[0..2]))?;
    let sum: u32 = b[..12].iter().zip(EMBG_WEIGHTS).map(|(&c, w)| digit(c) * w).sum();
    let expected = match 11 - sum % 11 {
        11 => 0,
        10 => return Err(IdProblem::NeverIssued),
        k => k,
    };
    if digit(b[12]) != expected {
        return Err(IdProblem::BadCheck { expected: char::from_digit(expected, 10).expect("a digit") });
    }
    Ok(Normalized { value: embg.to_owned(), born: Some(born), check_confirmed: true })
}

// The only public account of the Kosovo check digit we found gives these weights and
// "11 − (sum mod 11), with 10 and 11 written as 0". The civil registry does not publish it, so a
// mismatch only lowers `check_confirmed`; refusing a real person's number would be worse than
// letting a typo through to a notice.
const KOSOVO_WEIGHTS: [u32; 9] = [4, 3, 2, 7, 6, 5, 4, 3, 2];

fn kosovo(number: &str) -> Result<Normalized, IdProblem> {
    let b = number.as_bytes();
    if let Some(i) = b.iter().position(|c| !c.is_ascii_digit()) {
        return Err(IdProblem::BadCharacter { position: i + 1 });
    }
    let sum: u32 = b[..9].iter().zip(KOSOVO_WEIGHTS).map(|(&c, w)| digit(c) * w).sum();
    let expected = match 11 - sum % 11 {
        10 | 11 => 0,
        k => k,
    };
    Ok(Normalized { value: number.to_owned(), born: None, check_confirmed: digit(b[9]) == expected })
}

fn birth_date(year: i32, month: u32, day: u32) -> Result<Date, IdProblem> {
    if !(1..=31).contains(&day) {
        return Err(IdProblem::BadDay);
    }
    Date::new(year, month, day).ok_or(IdProblem::BadDate)
}

fn digit(c: u8) -> u32 {
    u32::from(c - b'0')
}

fn digits(two: &[u8]) -> u32 {
    two.iter().fold(0, |n, &c| n * 10 + digit(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdProblem::*;

    /// `Ok(date)` for a valid number with its birth date, `Ok("")` for a valid Kosovo number.
    fn check_case(country: Country, input: &str, expect: Result<&str, IdProblem>) {
        let got = check(country, input).map(|n| {
            assert!(n.check_confirmed, "{input}: only Kosovo leaves the check unconfirmed");
            n.born.map(|d| d.to_string()).unwrap_or_default()
        });
        assert_eq!(got, expect.map(str::to_owned), "check({country:?}, {input:?})");
    }

    #[test]
    fn albanian_personal_numbers() {
        let check = |input, expect| check_case(Country::Al, input, expect);
        // Check letters worked by hand: values (digit as itself, letter by its index in
        // "WABCDEFGHIJKLMNOPQRSTUV") times weights 1,1,2,3,4,5,6,7,8, sum mod 23.
        // J65101123: 10+6+10+3+0+5+6+14+24 = 78 ≡ 9 → I. J6 = 1996, 51 = January (woman).
        check("J65101123I", Ok("1996-01-01"));
        check("j6 5101 123i", Ok("1996-01-01"));
        // I80229001: 9+8+0+6+8+45+0+0+8 = 84 ≡ 15 → O. I8 = 1988, a leap year.
        check("I80229001O", Ok("1988-02-29"));
        // K05229001: 11+0+10+6+8+45+0+0+8 = 88 ≡ 19 → S. K0 = 2000 (leap), 52 = February (woman).
        check("K05229001S", Ok("2000-02-29"));
        // J00101999: 10+0+0+3+0+5+54+63+72 = 207 ≡ 0 → W, and A is issued for 0 as well.
        check("J00101999W", Ok("1990-01-01"));
        check("J00101999A", Ok("1990-01-01"));
        // K20315456: 11+2+0+9+4+25+24+35+48 = 158 ≡ 20 → T. 03 = March (man), 2002.
        check("K20315456T", Ok("2002-03-15"));
        // A00101000: 1+0+0+3+0+5+0+0+0 = 9 → I. A0 = 1900.
        check("A00101000I", Ok("1900-01-01"));
        // Foreign nationals: 33 = March (man), 83 = March (woman). J63315000: 10+6+6+9+4+25+0+0+0
        // = 60 ≡ 14 → N; J68315000: 10+6+16+9+4+25+0+0+0 = 70 ≡ 1 → A.
        check("J63315000N", Ok("1996-03-15"));
        check("J68315000A", Ok("1996-03-15"));

        check("", Err(Empty));
        check("   ", Err(Empty));
        check("J65101123", Err(WrongLength { expected: 10, found: 9 }));
        check("J65101123II", Err(WrongLength { expected: 10, found: 11 }));
        check("J6510112-I", Err(BadCharacter { position: 9 }));
        check("JJ5101123I", Err(BadCharacter { position: 2 }));
        check("#65101123I", Err(BadCharacter { position: 1 }));
        check("J651011239", Err(BadCharacter { position: 10 }));
        check("U65101123I", Err(BadDecade));
        check("J61827501H", Err(BadMonth)); // 18 is no month code, whatever the check letter
        check("J61301123I", Err(BadMonth));
        check("J64301123I", Err(BadMonth));
        check("J66301123I", Err(BadMonth));
        check("J69301123I", Err(BadMonth));
        check("J65100123I", Err(BadDay));
        check("J65132123I", Err(BadDay));
        check("J60431123I", Err(BadDate)); // 31 April
        check("J10229001O", Err(BadDate)); // 1991 is no leap year
        check("J65101123J", Err(BadCheck { expected: 'I' }));
        check("J00101999B", Err(BadCheck { expected: 'W' }));
        check("J65101123X", Err(BadCheck { expected: 'I' }));
    }

    #[test]
    fn macedonian_embg() {
        let check = |input, expect| check_case(Country::Mk, input, expect);
        // Weights 7,6,5,4,3,2,7,6,5,4,3,2; K = 11 − (sum mod 11).
        // 010198545000: 0·7 1·6 0·5 1·4 9·3 8·2 5·7 4·6 5·5 0·4 0·3 0·2 = 6+4+27+16+35+24+25 = 137,
        // 137 mod 11 = 5, K = 6.
        check("0101985450006", Ok("1985-01-01"));
        check("0101 985 45 000 6", Ok("1985-01-01"));
        // 150597041234: 1·7 5·6 0·5 5·4 9·3 7·2 0·7 4·6 1·5 2·4 3·3 4·2
        // = 7+30+0+20+27+14+0+24+5+8+9+8 = 152, mod 11 = 9, K = 2.
        check("1505970412342", Ok("1970-05-15")); // 970 is 1970
        // 290200045012: 2·7 9·6 0·5 2·4 0·3 0·2 0·7 4·6 5·5 0·4 1·3 2·2 = 14+54+8+24+25+3+4 = 132,
        // mod 11 = 0, K = 11 → 0. 29 February 2000.
        check("2902000450120", Ok("2000-02-29"));

        check("", Err(Empty));
        check("010198545000", Err(WrongLength { expected: 13, found: 12 }));
        check("01019854500061", Err(WrongLength { expected: 13, found: 14 }));
        check("0101985A50006", Err(BadCharacter { position: 8 }));
        check("0113985450006", Err(BadMonth));
        check("0100985450006", Err(BadMonth));
        check("0001985450006", Err(BadDay));
        check("3201985450006", Err(BadDay));
        check("3104985450006", Err(BadDate)); // 31 April
        check("2902001450120", Err(BadDate)); // 2001 is no leap year
        check("0101585450006", Err(BadDate)); // year part 585 names no century in use
        check("0101985450007", Err(BadCheck { expected: '6' }));
        // 250398545123: 2·7 5·6 0·5 3·4 9·3 8·2 5·7 4·6 5·5 1·4 2·3 3·2 = 14+30+12+27+16+35+24+25+4+6+6
        // = 199, mod 11 = 1, 11 − 1 = 10: no check digit exists, whatever the last digit.
        check("2503985451230", Err(NeverIssued));
        check("2503985451231", Err(NeverIssued));
    }

    #[test]
    fn kosovo_personal_numbers() {
        // (input, Ok(check confirmed) or the problem)
        let check = |input: &str, expect: Result<bool, IdProblem>| {
            let got = check(Country::Xk, input).map(|n| {
                assert_eq!(n.born, None, "Kosovo numbers encode no birth date");
                n.check_confirmed
            });
            assert_eq!(got, expect, "check(Xk, {input:?})");
        };
        // 123456789 with weights 4,3,2,7,6,5,4,3,2: 4+6+6+28+30+30+28+24+18 = 174, mod 11 = 9,
        // 11 − 9 = 2.
        check("1234567892", Ok(true));
        check("12345 67892", Ok(true));
        // 111111111: 4+3+2+7+6+5+4+3+2 = 36, mod 11 = 3, check 8.
        check("1111111118", Ok(true));
        // 100000001: 4+2 = 6, mod 11 = 6, check 5.
        check("1000000015", Ok(true));
        // 000000000: sum 0, 11 − 0 = 11 → 0.
        check("0000000000", Ok(true));
        // 100000010: 4+3 = 7, 11 − 7 = 4.
        check("1000000104", Ok(true));
        // 100000030: 4 + 3·3 = 13, mod 11 = 2, 11 − 2 = 9.
        check("1000000309", Ok(true));
        // 300000000: 12, mod 11 = 1, 11 − 1 = 10 → 0.
        check("3000000000", Ok(true));
        // A wrong last digit is a softer outcome, not an error.
        check("1234567893", Ok(false));
        check("1111111110", Ok(false));

        check("", Err(Empty));
        check("123456789", Err(WrongLength { expected: 10, found: 9 }));
        check("12345678921", Err(WrongLength { expected: 10, found: 11 }));
        check("12345A7892", Err(BadCharacter { position: 6 }));
    }

    #[test]
    fn diagnostics_name_the_country_specific_message() {
        let d = |p: IdProblem, c| p.diagnostic("id", c).code;
        assert_eq!(d(BadCheck { expected: 'I' }, Country::Al), DiagnosticCode::NidBadCheck);
        assert_eq!(d(BadCheck { expected: '6' }, Country::Mk), DiagnosticCode::EmbgBadCheck);
        assert_eq!(d(NeverIssued, Country::Mk), DiagnosticCode::EmbgNeverIssued);
        let wrong = WrongLength { expected: 13, found: 12 }.diagnostic("id", Country::Mk);
        assert_eq!(wrong.code, DiagnosticCode::IdWrongLength);
        assert_eq!(wrong.args.len(), 2, "the message says how many signs are needed and typed");
    }

    #[test]
    fn countries_round_trip() {
        for country in Country::ALL {
            assert_eq!(country.code().parse(), Ok(country));
            assert_eq!(serde_json::to_string(&country).unwrap(), format!("\"{}\"", country.code()));
        }
        assert_eq!("rs".parse::<Country>(), Err(UnknownCountry));
    }
}
