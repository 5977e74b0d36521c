// Cursor primitives and IrParseError.
#include "ir_parser_cursor.h"

#include <cctype>
#include <charconv>

namespace paratrace::jit {

IrParseError::IrParseError(std::size_t line, std::size_t column, const std::string& message)
    : RuntimeError("IR text line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message),
      line_(line),
      column_(column),
      message_(message) {}

namespace parse {

bool Cursor::accept(std::string_view s) {
  if (!starts_with(s)) return false;
  pos_ += s.size();
  return true;
}

void Cursor::expect(std::string_view s, std::string_view what) {
  if (!accept(s)) fail_expected(what.empty() ? "'" + std::string(s) + "'" : std::string(what));
}

void Cursor::skip_spaces() {
  while (peek() == ' ' || peek() == '\t') ++pos_;
}

void Cursor::skip_whitespace() {
  while (std::isspace(static_cast<unsigned char>(peek()))) ++pos_;
}

void Cursor::end_of_line() {
  skip_spaces();
  accept("\r");
  if (!at_end() && !accept("\n")) fail_expected("the end of the line");
}

std::string_view Cursor::rest_of_line() {
  std::string_view line = take_while([](char c) { return c != '\n'; });
  if (line.ends_with('\r')) {
    line.remove_suffix(1);
    --pos_;
  }
  return line;
}

std::int64_t Cursor::integer() {
  const std::size_t start = pos_;
  accept("-");
  if (take_while([](char c) { return c >= '0' && c <= '9'; }).empty()) {
    pos_ = start;
    fail_expected("an integer");
  }
  const std::string_view digits = text_since(start);
  std::int64_t value = 0;
  if (std::from_chars(digits.data(), digits.data() + digits.size(), value).ec != std::errc()) {
    fail_at(start, "integer " + std::string(digits) + " is out of range");
  }
  return value;
}

std::string_view Cursor::number_token() {
  const std::size_t start = pos_;
  accept("-");
  if (!accept("inf") && !accept("nan")) {
    take_while([](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    // An exponent only after a mantissa: "e" alone is no number.
    if (pos_ > start && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      take_while([](char c) { return c >= '0' && c <= '9'; });
    }
  }
  if (text_since(start) == "-") pos_ = start;
  return text_since(start);
}

void Cursor::fail_expected(std::string_view what) const {
  std::string found;
  if (at_end()) {
    found = "the end of the text";
  } else if (peek() == '\n' || peek() == '\r') {
    found = "the end of the line";
  } else {
    const std::size_t end = std::min(text_.find_first_of("\r\n", pos_), pos_ + 24);
    found = "'" + std::string(text_.substr(pos_, end - pos_)) + "'";
  }
  fail("expected " + std::string(what) + " but found " + found);
}

void Cursor::fail_at(std::size_t pos, const std::string& message) const {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < pos && i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  throw IrParseError(line, column, message);
}

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return is_identifier_char(c) || c == '.'; }

}  // namespace parse
}  // namespace paratrace::jit
