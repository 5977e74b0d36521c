#include "symmetric_plugin.h"

#include <QCoreApplication>

#include "paratrace/nn/parametrizations/symmetric.h"

namespace {

using paratrace::nn::Parametrization;
using paratrace::plugin::ParametrizationType;
using paratrace::plugin::TensorSpec;

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
    const auto& shape = tensor.shape;
    if (shape.size() < 2 || shape[shape.size() - 1] != shape[shape.size() - 2])
      return QCoreApplication::translate("SymmetricPlugin", "%1 needs a square matrix (or a batch of them), got shape %2")
          .arg(type_name(), paratrace::plugin::shape_text(shape));
    if (!paratrace::is_floating_point(tensor.dtype))
      return QCoreApplication::translate("SymmetricPlugin", "%1 needs a floating-point tensor, got %2")
          .arg(type_name(), QString::fromUtf8(paratrace::dtype_name(tensor.dtype)));
    return std::nullopt;
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
