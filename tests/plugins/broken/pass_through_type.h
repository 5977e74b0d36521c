#pragma once
// A parametrization type that does nothing, for the test plugins whose fault
// lies elsewhere (IID, metadata, loading, construction).
#include <QString>

#include "paratrace/plugin/parametrization_plugin.h"

class PassThrough : public paratrace::nn::Cloneable<PassThrough, paratrace::nn::Parametrization> {
 public:
  paratrace::Tensor forward(const paratrace::Tensor& X) override { return X; }
};

class PassThroughType : public paratrace::plugin::ParametrizationType {
 public:
  explicit PassThroughType(QString name) : name_(std::move(name)) {}
  QString type_name() const override { return name_; }
  QString display_name() const override { return name_; }
  QString description() const override { return QStringLiteral("Returns its input."); }
  std::optional<QString> check(const paratrace::plugin::TensorSpec&) const override { return std::nullopt; }
  std::shared_ptr<paratrace::nn::Parametrization> create(const QVariantMap&) const override {
    return std::make_shared<PassThrough>();
  }

 private:
  QString name_;
};
