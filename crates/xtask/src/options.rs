//! Command-line option values shared by the subcommands that take counts (`bench`, `soak`,
//! `fuzz`), so each says the same thing about a bad one.

use std::str::FromStr;

/// The value after `flag`: a whole number above zero, or the error that says so.
pub fn positive<T: FromStr + PartialOrd + Default>(
    value: Option<&String>,
    flag: &str,
) -> Result<T, String> {
    value
        .and_then(|n| n.parse::<T>().ok())
        .filter(|n| *n > T::default())
        .ok_or(format!("{flag} takes a positive whole number"))
}

/// Command-line arguments from string literals, for the subcommands' parser tests.
#[cfg(test)]
pub fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}
