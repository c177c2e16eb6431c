//! A serde deserializer over a tree of JSON-shaped values: the JS objects the shells hand the
//! wasm modules (messages, settings, stored plans, ARM answers), and serde_json's tree in the
//! native tests and the fuzz targets.
//!
//! Why one generic decoder: the worker reads `JsValue`s, which exist only in a browser, so a
//! decoder written for them alone can be fuzzed only through a stand-in. Written over
//! [`Source`], the code that ships is the code the fuzz targets run: the worker instantiates it
//! for its JS values, the fuzzers and tests for `serde_json::Value` (feature `serde_json`).
//!
//! Why not serde-wasm-bindgen: in the extension's wasm modules its decoders for each type, and
//! the float formatting its error messages pull in through serde's `Unexpected`, were the largest
//! avoidable part of the size budget (docs/wasm-size.md). This one walks objects the way
//! serde_json walks JSON text, so `deny_unknown_fields` means the same here as in the native
//! tests: every own key of an object is read, and one the type does not know is refused.
//! Values are JSON-shaped (what `chrome.runtime` messages and `chrome.storage` carry): `null`,
//! booleans, numbers, strings, arrays and plain objects; JS `undefined` counts as `null`.

use serde::de::{self, DeserializeOwned, Expected, IntoDeserializer, Unexpected, Visitor};
use std::cell::RefCell;
use std::fmt;

#[cfg(any(test, feature = "serde_json"))]
mod json;
#[cfg(test)]
mod tests;

/// What the decoder asks of a value. Every method reads without copying, except [`Source::text`].
pub trait Source: Clone {
    /// `null`, or JS `undefined`: both read as "missing".
    fn missing(&self) -> bool;
    /// The boolean, when it is one.
    fn boolean(&self) -> Option<bool>;
    /// The number, when it is one.
    fn number(&self) -> Option<f64>;
    /// A string's length in UTF-16 code units (JS's `length`), when it is one.
    fn text_units(&self) -> Option<u32>;
    /// The string, copied out, when it is one.
    fn text(&self) -> Option<String>;
    /// An array's length, when it is one.
    fn array_len(&self) -> Option<u32>;
    /// The element at `at` of an array (missing past its end).
    fn element(&self, at: u32) -> Self;
    /// An object that is neither an array nor a function: what JSON calls an object.
    fn plain_object(&self) -> bool;
    /// A plain object's own enumerable keys, in their order, as an array of strings.
    fn keys(&self) -> Self;
    /// A plain object's member `key` (a string from [`Source::keys`]); missing when it has none.
    fn member(&self, key: &Self) -> Self;
    /// A missing value.
    fn nothing() -> Self;
}

/// Reads a `T` from `value`; a missing value is "missing".
pub fn decode<T: DeserializeOwned, S: Source>(value: S) -> Result<T, String> {
    if value.missing() {
        return Err("missing".to_string());
    }
    PATH.with(|path| path.borrow_mut().clear());
    T::deserialize(Value(value)).map_err(|e| *e.0)
}

/// Most elements of an array, or keys of an object, read; a longer one is refused before any
/// element is copied (the core's own bounds on what it accepts are far lower).
pub const MAX_ITEMS: u32 = 4096;
/// Longest string read, in UTF-16 code units; a longer one is refused before it is copied.
pub const MAX_TEXT: u32 = 64 * 1024;
/// Deepest nesting of arrays and objects read.
pub const MAX_DEPTH: usize = 32;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// Where in a value one step of decoding is.
enum Step {
    /// In an object or array, between elements.
    Between,
    /// In the value of this property.
    Key(String),
    /// In the element at this index.
    Index(u32),
}

thread_local! {
    /// The path to what is being decoded: one step per open object or array, outermost first.
    /// Errors read it when they are made (`settings.dismissed[3]: …`), so they name their field
    /// without the generic decoding code passing a path along: wrapping each nested result in
    /// every instance of `next_value_seed` cost 6.4 KB gzipped (measured), this costs nothing
    /// there (the steps are set by the non-generic parts of `Items` and `Entries`).
    static PATH: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

/// Refuses an array or object of more than [`MAX_ITEMS`] entries, or one nested deeper than
/// [`MAX_DEPTH`], before any of it is read.
fn check_size(len: u32) -> Result<(), Error> {
    if len > MAX_ITEMS {
        return Err(Error::new(format!(
            "invalid length: more than {MAX_ITEMS} entries"
        )));
    }
    if PATH.with(|path| path.borrow().len()) >= MAX_DEPTH {
        return Err(Error::new(format!(
            "invalid value: nested deeper than {MAX_DEPTH} levels"
        )));
    }
    Ok(())
}

/// Refuses a string longer than [`MAX_TEXT`] before it is copied.
fn check_text(units: Option<u32>) -> Result<(), Error> {
    match units {
        Some(units) if units > MAX_TEXT => Err(Error::new(format!(
            "invalid length: a string longer than {MAX_TEXT} characters"
        ))),
        _ => Ok(()),
    }
}

/// Opens a level of the path; returns its depth.
fn open_level() -> usize {
    PATH.with(|path| {
        let mut path = path.borrow_mut();
        path.push(Step::Between);
        path.len() - 1
    })
}

/// Sets what the level at `depth` is in.
fn set_level(depth: usize, step: Step) {
    PATH.with(|path| {
        if let Some(level) = path.borrow_mut().get_mut(depth) {
            *level = step;
        }
    });
}

/// Closes the level at `depth` and everything inside it.
fn close_level(depth: usize) {
    PATH.with(|path| path.borrow_mut().truncate(depth));
}

/// The path as text: `settings.dismissed[3]`; empty at the top.
fn path_text() -> String {
    PATH.with(|path| {
        let mut text = String::new();
        for step in path.borrow().iter() {
            match step {
                Step::Between => break,
                Step::Key(key) => {
                    if !text.is_empty() {
                        text.push('.');
                    }
                    text.push_str(key);
                }
                Step::Index(at) => text.push_str(&format!("[{at}]")),
            }
        }
        text
    })
}

/// Why a value did not decode. Boxed: every decoding step returns a `Result` with it, and an
/// error of one thin pointer keeps each of those small (measured: 3.3 KB gzipped less wasm than
/// a `String`, 2.4 KB less than a `Box<str>`).
#[derive(Debug)]
#[allow(clippy::box_collection)]
pub struct Error(Box<String>);

impl Error {
    /// An error at the current path: `path: message`.
    #[inline(never)]
    fn new(message: String) -> Self {
        let path = path_text();
        if path.is_empty() {
            Error(Box::new(message))
        } else {
            Error(Box::new(format!("{path}: {message}")))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// What a value was, in words: serde's own wording prints the value, and printing a float
/// costs the module a float formatter.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Str(_) | Unexpected::Char(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "another kind of value",
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(msg.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::new(format!(
            "invalid type: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::new(format!(
            "invalid value: {}, expected {expected}",
            kind(&unexpected)
        ))
    }
}

/// A value sorted by kind (only `deserialize_any` needs every kind).
enum Kind<S: Source> {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Items<S>),
    Object(Entries<S>),
    Other,
}

/// A whole number as an integer (serde_json reads integers the same way).
enum Whole {
    Negative(i64),
    Positive(u64),
}

/// `n` as an integer, when it is a whole number a JS number holds exactly.
#[inline(never)]
fn whole(n: f64) -> Result<Whole, Error> {
    if n.fract() != 0.0 || n.abs() > MAX_SAFE {
        Err(Error::new(
            "invalid type: a fraction, expected an integer".to_string(),
        ))
    } else if n < 0.0 {
        Ok(Whole::Negative(n as i64))
    } else {
        Ok(Whole::Positive(n as u64))
    }
}

/// One value being decoded.
///
/// The `take_*` readers are not inlined: each type's decoder calls one of them and holds a
/// single branch, instead of its own copy of the checks and the error.
struct Value<S: Source>(S);

impl<S: Source> Value<S> {
    #[inline(never)]
    fn classify(self) -> Result<Kind<S>, Error> {
        let value = self.0;
        Ok(if value.missing() {
            Kind::Null
        } else if let Some(b) = value.boolean() {
            Kind::Bool(b)
        } else if let Some(n) = value.number() {
            Kind::Number(n)
        } else if let Some(units) = value.text_units() {
            check_text(Some(units))?;
            Kind::String(value.text().unwrap_or_default())
        } else if let Some(len) = value.array_len() {
            check_size(len)?;
            Kind::Array(Items::elements(value, len))
        } else {
            match Value(value).entries()? {
                Some(entries) => Kind::Object(entries),
                None => Kind::Other,
            }
        })
    }

    /// "invalid type" for a value that is not of the kind the type reads.
    #[inline(never)]
    fn wrong(self, expected: &str) -> Error {
        let value = self.0;
        let found = if value.missing() {
            "null"
        } else if value.boolean().is_some() {
            "a boolean"
        } else if value.number().is_some() {
            "a number"
        } else if value.text_units().is_some() {
            "a string"
        } else if value.array_len().is_some() {
            "an array"
        } else if value.plain_object() {
            "an object"
        } else {
            "a value that is not JSON"
        };
        Error::new(format!("invalid type: {found}, expected {expected}"))
    }

    #[inline(never)]
    fn take_bool(self) -> Result<bool, Error> {
        match self.0.boolean() {
            Some(b) => Ok(b),
            None => Err(self.wrong("a boolean")),
        }
    }

    #[inline(never)]
    fn take_number(self) -> Result<f64, Error> {
        match self.0.number() {
            Some(n) => Ok(n),
            None => Err(self.wrong("a number")),
        }
    }

    #[inline(never)]
    fn take_string(self) -> Result<String, Error> {
        check_text(self.0.text_units())?;
        match self.0.text() {
            Some(text) => Ok(text),
            None => Err(self.wrong("a string")),
        }
    }

    #[inline(never)]
    fn take_array(self) -> Result<Items<S>, Error> {
        match self.0.array_len() {
            Some(len) => {
                check_size(len)?;
                Ok(Items::elements(self.0, len))
            }
            None => Err(self.wrong("an array")),
        }
    }

    /// The entries of a plain object (`None` for anything else); one over the bounds is refused
    /// before any of it is read.
    fn entries(&self) -> Result<Option<Entries<S>>, Error> {
        if !self.0.plain_object() {
            return Ok(None);
        }
        let keys = self.0.keys();
        let len = keys.array_len().unwrap_or_default();
        check_size(len)?;
        Ok(Some(Entries {
            object: self.0.clone(),
            keys: Items::keys(keys, len),
            depth: open_level(),
            value: S::nothing(),
        }))
    }

    #[inline(never)]
    fn take_object(self) -> Result<Entries<S>, Error> {
        match self.entries()? {
            Some(entries) => Ok(entries),
            None => Err(self.wrong("an object")),
        }
    }

    #[inline(never)]
    fn take_null(self) -> Result<(), Error> {
        if self.0.missing() {
            Ok(())
        } else {
            Err(self.wrong("null"))
        }
    }

    /// An externally tagged enum value: a string for a unit variant, or an object of one key
    /// (the variant) whose value holds the variant's data, as serde_json writes them.
    #[inline(never)]
    fn take_variant(self) -> Result<Variant<S>, Error> {
        if self.0.text_units().is_some() {
            return Ok(Variant {
                name: self.take_string()?,
                data: S::nothing(),
            });
        }
        let mut entries = self.take_object()?;
        let name = entries.next_key().map(Value::take_string).transpose()?;
        match (name, entries.keys.next()) {
            (Some(name), None) => Ok(Variant {
                name,
                data: entries.take_value().0,
            }),
            _ => Err(Error::new(
                "invalid value: an object, expected an object of one variant".to_string(),
            )),
        }
    }

    fn integer<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match whole(self.take_number()?)? {
            Whole::Negative(i) => visitor.visit_i64(i),
            Whole::Positive(u) => visitor.visit_u64(u),
        }
    }
}

/// `deserialize_X: visit_Y(take_Z)`: the method hands what one reader took to one visit method.
macro_rules! reads {
    ($($method:ident: $visit:ident($take:ident)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                visitor.$visit(self.$take()?)
            }
        )*
    };
}

/// `deserialize_i8` … `deserialize_u64`: every integer type reads a whole number the same way.
macro_rules! integers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                self.integer(visitor)
            }
        )*
    };
}

/// Each `deserialize_*` reads only the kind of value its name asks for (the core's types say
/// what they expect; nothing here guesses).
impl<'de, S: Source> de::Deserializer<'de> for Value<S> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.classify()? {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(b),
            Kind::Number(n) => match whole(n) {
                Ok(Whole::Negative(i)) => visitor.visit_i64(i),
                Ok(Whole::Positive(u)) => visitor.visit_u64(u),
                Err(_) => visitor.visit_f64(n),
            },
            Kind::String(s) => visitor.visit_string(s),
            Kind::Array(items) => visitor.visit_seq(items),
            Kind::Object(entries) => visitor.visit_map(entries),
            Kind::Other => Err(Error::new(
                "invalid type: a value that is not JSON".to_string(),
            )),
        }
    }

    integers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
    }

    reads! {
        deserialize_bool: visit_bool(take_bool),
        deserialize_f32: visit_f64(take_number),
        deserialize_f64: visit_f64(take_number),
        deserialize_char: visit_string(take_string),
        deserialize_str: visit_string(take_string),
        deserialize_string: visit_string(take_string),
        deserialize_bytes: visit_seq(take_array),
        deserialize_byte_buf: visit_seq(take_array),
        deserialize_seq: visit_seq(take_array),
        deserialize_map: visit_map(take_object),
        deserialize_identifier: visit_string(take_string),
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.missing() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.take_null()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.take_null()?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(self.take_array()?)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(self.take_array()?)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_map(self.take_object()?)
    }

    /// Externally tagged enums: a unit variant as its name, another as an object of one key.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self.take_variant()?)
    }

    /// A value the type skips (an unknown field of a lenient struct) is not read at all.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The elements of an array (or an object's keys).
struct Items<S: Source> {
    items: S,
    len: u32,
    next: u32,
    /// The path level of an array being decoded; `None` for an object's keys.
    depth: Option<usize>,
}

impl<S: Source> Items<S> {
    /// An object's keys: not a level of the path.
    fn keys(items: S, len: u32) -> Self {
        Items {
            items,
            len,
            next: 0,
            depth: None,
        }
    }

    /// An array's elements: a level of the path.
    #[inline(never)]
    fn elements(items: S, len: u32) -> Self {
        Items {
            items,
            len,
            next: 0,
            depth: Some(open_level()),
        }
    }

    #[inline(never)]
    fn next(&mut self) -> Option<Value<S>> {
        let at = self.next;
        let item = (at < self.len).then(|| self.items.element(at));
        if let Some(depth) = self.depth {
            set_level(
                depth,
                if item.is_some() {
                    Step::Index(at)
                } else {
                    Step::Between
                },
            );
        }
        self.next += u32::from(item.is_some());
        item.map(Value)
    }
}

impl<S: Source> Drop for Items<S> {
    fn drop(&mut self) {
        if let Some(depth) = self.depth {
            close_level(depth);
        }
    }
}

impl<'de, S: Source> de::SeqAccess<'de> for Items<S> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.next().map(|item| seed.deserialize(item)).transpose()
    }
}

/// An enum variant's name and its data (missing for a unit variant).
struct Variant<S: Source> {
    name: String,
    data: S,
}

impl<'de, S: Source> de::EnumAccess<'de> for Variant<S> {
    type Error = Error;
    type Variant = Value<S>;

    fn variant_seed<T: de::DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Value<S>), Error> {
        let name: de::value::StringDeserializer<Error> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, Value(self.data)))
    }
}

impl<'de, S: Source> de::VariantAccess<'de> for Value<S> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        self.take_null()
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}

/// The own enumerable properties of an object, in their order.
struct Entries<S: Source> {
    object: S,
    keys: Items<S>,
    /// This object's level of the path.
    depth: usize,
    value: S,
}

impl<S: Source> Drop for Entries<S> {
    fn drop(&mut self) {
        close_level(self.depth);
    }
}

impl<S: Source> Entries<S> {
    /// The next key; its value is kept for [`Entries::take_value`].
    #[inline(never)]
    fn next_key(&mut self) -> Option<Value<S>> {
        let Some(key) = self.keys.next() else {
            set_level(self.depth, Step::Between);
            return None;
        };
        set_level(self.depth, Step::Key(key.0.text().unwrap_or_default()));
        self.value = self.object.member(&key.0);
        Some(key)
    }

    #[inline(never)]
    fn take_value(&mut self) -> Value<S> {
        Value(std::mem::replace(&mut self.value, S::nothing()))
    }
}

impl<'de, S: Source> de::MapAccess<'de> for Entries<S> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        self.next_key().map(|key| seed.deserialize(key)).transpose()
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.take_value())
    }
}
