//! mCommunity's command line, for helpers and content authors.
//!
//! `mcommunity validate-id al|xk|mk VALUE [--lang sq|mk|sr|en]` says whether VALUE is a valid
//! personal number of Albania, Kosovo or North Macedonia and, if not, why — in the words the
//! practice forms use. Exit code 0 valid, 1 invalid, 2 usage error.

use std::process::ExitCode;

use mcommunity_core::{
    forms::report::DiagnosticCode,
    i18n::Messages,
    idnum::{self, Country},
    locale::Locale,
};

const USAGE: &str = "\
Usage: mcommunity validate-id <al|xk|mk> <VALUE> [--lang sq|mk|sr|en]
       mcommunity --help

Commands:
  validate-id   Check a personal number: al = Albanian NID (10 signs), xk = Kosovo personal
                number (10 digits), mk = North Macedonian EMBG (13 digits). Spaces are forgiven;
                quote a value that contains them.

Options:
  --lang <CODE>  Language of the explanation (default en)
  -h, --help     Show this text

Exit status: 0 valid, 1 invalid, 2 usage error.";

/// A parsed `validate-id` request.
struct Request {
    country: Country,
    value: String,
    locale: Locale,
}

enum Command {
    Help,
    ValidateId(Request),
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut locale = Locale::En;
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--lang" => {
                let code = args.next().ok_or("--lang needs a language code: sq, mk, sr or en")?;
                locale = code.parse().map_err(|_| format!("unknown language {code:?}: use sq, mk, sr or en"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => positional.push(arg.as_str()),
        }
    }
    match positional.as_slice() {
        [] => Err("no command given".to_owned()),
        ["validate-id", country, value] => {
            let country = country.parse().map_err(|_| format!("unknown country {country:?}: use al, xk or mk"))?;
            Ok(Command::ValidateId(Request { country, value: (*value).to_owned(), locale }))
        }
        ["validate-id", ..] => Err("validate-id needs a country and one value".to_owned()),
        [other, ..] => Err(format!("unknown command {other:?}")),
    }
}

fn validate_id(request: &Request) -> ExitCode {
    let messages = Messages::embedded();
    match idnum::check(request.country, &request.value) {
        Ok(normalized) => {
            match normalized.born {
                Some(born) => println!("valid: {} (born {born})", normalized.value),
                None => println!("valid: {}", normalized.value),
            }
            if !normalized.check_confirmed {
                let notice = DiagnosticCode::KosovoCheckUnconfirmed.message_id();
                println!("note: {}", messages.format(request.locale, notice, &[]));
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            let diagnostic = problem.diagnostic("value", request.country);
            println!("invalid: {}", diagnostic.message(messages, request.locale));
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::ValidateId(request)) => validate_id(&request),
        Err(reason) => {
            eprintln!("error: {reason}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
