//! Reading JSON-shaped values by hand, member by member: the ARM answers of the onboarding
//! status (`onboarding::wire`).
//!
//! Why not serde's derives there: a derived decoder is a field visitor, a map visitor and their
//! error paths for every type, and the ARM list types instantiate them eight times over. Removing
//! those decoders from the wasm module took 9.9 KB off its gzipped size (measured, issue 7); these
//! readers are plain functions over [`JsonValue`], which the worker implements for its JS values
//! and the tests and fuzz targets get for serde_json's tree (feature `serde_json`).
//!
//! The rules are serde's for the same Rust types, so a body reads the same as before: a struct
//! needs an object, unknown members are ignored, a missing or `null` member is `None`, and a member
//! of the wrong type makes the whole body [`Shape`].

/// What a reader asks of a JSON value.
pub trait JsonValue: Sized {
    /// The member `name` when `self` is an object that has it (`null` included).
    fn member(&self, name: &str) -> Option<Self>;
    /// `null` (or JS `undefined`).
    fn is_null(&self) -> bool;
    /// An object (not an array, not `null`).
    fn is_object(&self) -> bool;
    /// The string, when it is one.
    fn string(&self) -> Option<String>;
    /// The boolean, when it is one.
    fn boolean(&self) -> Option<bool>;
    /// The number, when it is one.
    fn number(&self) -> Option<f64>;
    /// The elements, when it is an array.
    fn elements(&self) -> Option<Vec<Self>>;
}

/// The value does not have the documented shape (which member, the caller's reason says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape;

/// A reader's result.
pub type Read<T> = Result<T, Shape>;

/// A type read from a JSON object.
pub trait FromJson: Sized {
    /// Reads `value`, which must be an object.
    fn read<V: JsonValue>(value: &V) -> Read<Self>;
}

/// `value` when it is an object: every struct reader starts here, as serde's do.
pub fn object<V: JsonValue>(value: &V) -> Read<&V> {
    if value.is_object() {
        Ok(value)
    } else {
        Err(Shape)
    }
}

/// Member `name` unless it is missing or `null`: the one non-generic step of every member.
#[inline(never)]
fn present<V: JsonValue>(value: &V, name: &str) -> Option<V> {
    value.member(name).filter(|member| !member.is_null())
}

/// Member `name` read by `read`; `None` when it is missing or `null`.
pub fn optional<V: JsonValue, T>(
    value: &V,
    name: &str,
    read: fn(&V) -> Read<T>,
) -> Read<Option<T>> {
    present(value, name).map(|member| read(&member)).transpose()
}

/// A string member.
pub fn text<V: JsonValue>(value: &V, name: &str) -> Read<Option<String>> {
    optional(value, name, |v| v.string().ok_or(Shape))
}

/// A boolean member.
pub fn flag<V: JsonValue>(value: &V, name: &str) -> Read<Option<bool>> {
    optional(value, name, |v| v.boolean().ok_or(Shape))
}

/// A whole-number member (JSON has one number type; `30.0` is 30, `30.5` is no whole number).
pub fn whole<V: JsonValue>(value: &V, name: &str) -> Read<Option<i64>> {
    optional(value, name, |v| {
        let n = v.number().ok_or(Shape)?;
        // i64::MAX as f64 rounds up to 2^63, which is out of range: hence `<`.
        if n.fract() == 0.0 && n >= i64::MIN as f64 && n < i64::MAX as f64 {
            Ok(n as i64)
        } else {
            Err(Shape)
        }
    })
}

/// An object member of type `T`.
pub fn nested<V: JsonValue, T: FromJson>(value: &V, name: &str) -> Read<Option<T>> {
    optional(value, name, T::read)
}

/// The elements of an array, each read by `read`.
pub fn items<V: JsonValue, T>(value: &V, read: fn(&V) -> Read<T>) -> Read<Vec<T>> {
    value.elements().ok_or(Shape)?.iter().map(read).collect()
}

/// An array member of strings.
pub fn texts<V: JsonValue>(value: &V, name: &str) -> Read<Option<Vec<String>>> {
    optional(value, name, |v| items(v, |e| e.string().ok_or(Shape)))
}

/// serde_json's tree, for the native tests and the fuzz targets.
#[cfg(any(test, feature = "serde_json"))]
impl JsonValue for serde_json::Value {
    fn member(&self, name: &str) -> Option<Self> {
        self.as_object()?.get(name).cloned()
    }
    fn is_null(&self) -> bool {
        self.is_null()
    }
    fn is_object(&self) -> bool {
        self.is_object()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn missing_and_null_members_are_none_and_wrong_types_are_shape_errors() {
        let v = json!({ "a": "x", "n": null, "b": true, "i": 30.0, "f": 30.5, "l": ["p", "q"] });
        assert_eq!(text(&v, "a"), Ok(Some("x".to_string())));
        assert_eq!(text(&v, "n"), Ok(None));
        assert_eq!(text(&v, "gone"), Ok(None));
        assert_eq!(text(&v, "b"), Err(Shape));
        assert_eq!(flag(&v, "b"), Ok(Some(true)));
        assert_eq!(whole(&v, "i"), Ok(Some(30)));
        assert_eq!(whole(&v, "f"), Err(Shape));
        assert_eq!(whole(&json!({ "big": 1e19 }), "big"), Err(Shape));
        assert_eq!(
            texts(&v, "l"),
            Ok(Some(vec!["p".to_string(), "q".to_string()]))
        );
        assert_eq!(texts(&json!({ "l": ["p", 1] }), "l"), Err(Shape));
    }

    #[test]
    fn a_struct_needs_an_object() {
        assert!(object(&json!({})).is_ok());
        for v in [json!([]), json!("s"), json!(1), json!(null)] {
            assert_eq!(object(&v).err(), Some(Shape), "{v}");
        }
    }
}
