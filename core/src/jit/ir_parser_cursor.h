#pragma once
// A position in IR text with the few primitives the parsers share; every
// failure is an IrParseError at the current line and column.
#include <cstdint>
#include <string>
#include <string_view>

#include "paratrace/jit/ir_parser.h"

namespace paratrace::jit::parse {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  bool starts_with(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  // Consumes `s` when the text continues with it.
  bool accept(std::string_view s);
  // Consumes `s` or fails with "expected <what>".
  void expect(std::string_view s, std::string_view what = {});
  void skip_spaces();                 // blanks on this line
  void skip_whitespace();             // blanks and newlines
  void end_of_line();                 // trailing blanks, then a newline or the end
  // The longest run of characters accepted by `keep` (possibly empty).
  template <typename Pred> std::string_view take_while(Pred keep) {
    const std::size_t start = pos_;
    while (!at_end() && keep(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  // Everything up to (not including) the end of the line.
  std::string_view rest_of_line();
  // The next character, consumed ('\0' at the end).
  char next() { return at_end() ? '\0' : text_[pos_++]; }
  // A decimal integer, optionally negative.
  std::int64_t integer();
  // The characters of a number as PyTorch prints them ("-12", "2.",
  // "9.9999999999999998e-13", "1e+20", "inf", "-nan"); empty when none.
  std::string_view number_token();
  std::string_view text_since(std::size_t start) const { return text_.substr(start, pos_ - start); }
  // Where one of `chars` next occurs (npos when none does).
  std::size_t find_first_of(std::string_view chars) const { return text_.find_first_of(chars, pos_); }

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }
  // "expected <what> but found <the next few characters>".
  [[noreturn]] void fail_expected(std::string_view what) const;
  [[noreturn]] void fail(const std::string& message) const { fail_at(pos_, message); }
  [[noreturn]] void fail_at(std::size_t pos, const std::string& message) const;

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_name_char(char c);  // letters, digits, '_' and '.' (value and class names)
bool is_identifier_char(char c);  // letters, digits and '_'

}  // namespace paratrace::jit::parse
