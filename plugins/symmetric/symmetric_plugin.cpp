#include "symmetric_plugin.h"

#include "paratrace/nn/parametrizations/symmetric.h"
#include "paratrace/plugin/plugin_helpers.h"

namespace {

using namespace paratrace::plugin;
using paratrace::nn::Parametrization;

QString translated(const char* source) { return QCoreApplication::translate("SymmetricPlugin", source); }

// Both types differ only in the core class and their texts, so one template
// describes them. Neither has options.
template <typename P> class SquareMatrixType : public ParametrizationType {
 public:
  // Source texts, marked for translation where they are written and
  // translated on every call so a language switch shows at once.
  SquareMatrixType(const char* display_name, const char* description)
      : display_name_(display_name), description_(description) {}
  QString type_name() const override { return QString::fromStdString(P().class_name()); }
  QString display_name() const override { return translated(display_name_); }
  QString description() const override { return translated(description_); }
  // The checks core's forward makes, in words the user reads before applying.
  std::optional<QString> check(const TensorSpec& tensor) const override {
    return first_reason({require_square(tensor, type_name()), require_floating(tensor, type_name())});
  }
  std::shared_ptr<Parametrization> create(const QVariantMap&) const override { return std::make_shared<P>(); }

 private:
  const char* display_name_;
  const char* description_;
};

}  // namespace

QList<std::shared_ptr<const ParametrizationType>> SymmetricPlugin::parametrizations() const {
  using namespace paratrace::nn::parametrizations;
  return {
      std::make_shared<SquareMatrixType<Symmetric>>(
          QT_TRANSLATE_NOOP("SymmetricPlugin", "Symmetric matrix"),
          QT_TRANSLATE_NOOP("SymmetricPlugin",
                            "Keeps a square matrix equal to its transpose: the upper triangle is learnt and mirrored.")),
      std::make_shared<SquareMatrixType<Skew>>(
          QT_TRANSLATE_NOOP("SymmetricPlugin", "Skew-symmetric matrix"),
          QT_TRANSLATE_NOOP("SymmetricPlugin",
                            "Keeps a square matrix equal to minus its transpose: the strict lower triangle is learnt "
                            "and the diagonal is zero.")),
  };
}
