// The plugin helpers (plugin_helpers.h): each option builder gives the spec
// the host validates against, each check gives its reason (the texts the
// built-in plugins' suites compare) or none, and the reasons translate in the
// "ParametrizationPlugin" context.
#include <QTest>
#include <QTranslator>

#include "option_values.h"
#include "paratrace/plugin/plugin_helpers.h"

using namespace paratrace;
using namespace paratrace::plugin;

Q_DECLARE_METATYPE(paratrace::Shape)

namespace {

// Answers every message of one context with a marked copy of its source.
class MarkingTranslator : public QTranslator {
 public:
  explicit MarkingTranslator(const char* context) : context_(context) {}
  bool isEmpty() const override { return false; }
  QString translate(const char* context, const char* source, const char*, int) const override {
    if (qstrcmp(context, context_) != 0) return {};
    return QStringLiteral("<%1>").arg(QString::fromUtf8(source));
  }

 private:
  const char* context_;
};

class ScaleLike : public ParametrizationType {
 public:
  QString type_name() const override { return QStringLiteral("A"); }
  QString display_name() const override { return {}; }
  QString description() const override { return {}; }
  std::optional<QString> check(const TensorSpec&) const override { return std::nullopt; }
  std::shared_ptr<nn::Parametrization> create(const QVariantMap&) const override { return nullptr; }
};
class OtherType : public ScaleLike {
 public:
  QString type_name() const override { return QStringLiteral("B"); }
};

QString reason(const std::optional<QString>& r) { return r.value_or(QStringLiteral("(none)")); }

}  // namespace

class TestPluginHelpers : public QObject {
  Q_OBJECT

 private slots:
  void int_option_with_and_without_maximum() {
    const OptionSpec bounded = int_option("rank", 2, 1, 10, QStringLiteral("the rank"));
    QCOMPARE(bounded.name, QStringLiteral("rank"));
    QCOMPARE(bounded.type, OptionSpec::Type::Int);
    QCOMPARE(bounded.default_value, QVariant(qlonglong(2)));
    QCOMPARE(bounded.minimum, QVariant(qlonglong(1)));
    QCOMPARE(bounded.maximum, QVariant(qlonglong(10)));
    QVERIFY(bounded.choices.isEmpty());
    QCOMPARE(bounded.help, QStringLiteral("the rank"));

    const OptionSpec open = int_option("m", 4, 1, QStringLiteral("group size"));
    QCOMPARE(open.minimum, QVariant(qlonglong(1)));
    QVERIFY(open.maximum.isNull());
    QCOMPARE(open.help, QStringLiteral("group size"));
  }

  // An unset default is Python's None; unset bounds are unbounded.
  void unset_default_and_bounds_are_null() {
    const OptionSpec dim = int_option("dim", std::nullopt, std::nullopt, QStringLiteral("d"));
    QVERIFY(dim.default_value.isNull());
    QVERIFY(dim.minimum.isNull());
    QVERIFY(dim.maximum.isNull());
    QVERIFY(pluginhost::resolve_options({dim}, {}).value(QStringLiteral("dim")).isNull());
    QCOMPARE(pluginhost::resolve_options({dim}, {{QStringLiteral("dim"), -7}}).value(QStringLiteral("dim")),
             QVariant(qlonglong(-7)));
  }

  void float_option_with_and_without_maximum() {
    const OptionSpec level = float_option("sparsity_level", 0.5, 0.0, 1.0, QStringLiteral("fraction"));
    QCOMPARE(level.type, OptionSpec::Type::Float);
    QCOMPARE(level.default_value, QVariant(0.5));
    QCOMPARE(level.minimum, QVariant(0.0));
    QCOMPARE(level.maximum, QVariant(1.0));
    const OptionSpec eps = float_option("eps", 1e-12, 0.0, QStringLiteral("eps"));
    QCOMPARE(eps.default_value.toDouble(), 1e-12);
    QVERIFY(eps.maximum.isNull());
  }

  void bool_choice_and_string_options() {
    const OptionSpec flag = bool_option("use_trivialization", true, QStringLiteral("f"));
    QCOMPARE(flag.type, OptionSpec::Type::Bool);
    QCOMPARE(flag.default_value, QVariant(true));
    QVERIFY(flag.minimum.isNull() && flag.maximum.isNull());

    const QStringList maps{QStringLiteral("auto"), QStringLiteral("cayley")};
    const OptionSpec map = choice_option("orthogonal_map", QStringLiteral("auto"), maps, QStringLiteral("m"));
    QCOMPARE(map.type, OptionSpec::Type::Choice);
    QCOMPARE(map.default_value, QVariant(QStringLiteral("auto")));
    QCOMPARE(map.choices, maps);

    const OptionSpec text = string_option("block_shape", QStringLiteral("1x4"), QStringLiteral("b"));
    QCOMPARE(text.type, OptionSpec::Type::String);
    QCOMPARE(text.default_value, QVariant(QStringLiteral("1x4")));
    QVERIFY(text.choices.isEmpty());
  }

  // The host validates against the built specs as against hand-written ones.
  void built_specs_validate_values() {
    const QList<OptionSpec> schema{int_option("rank", 2, 1, 10, {}), float_option("eps", 0.1, 0.0, {}),
                                   choice_option("map", QStringLiteral("a"), {QStringLiteral("a"), QStringLiteral("b")}, {})};
    const QVariantMap resolved = pluginhost::resolve_options(schema, {});
    QCOMPARE(resolved.value(QStringLiteral("rank")), QVariant(qlonglong(2)));
    QCOMPARE(resolved.value(QStringLiteral("eps")), QVariant(0.1));
    const auto error = [&](const QVariantMap& values) {
      try {
        pluginhost::resolve_options(schema, values);
      } catch (const OptionError& e) {
        return QString::fromUtf8(e.what());
      }
      return QStringLiteral("(no error)");
    };
    QCOMPARE(error({{QStringLiteral("rank"), 11}}), QStringLiteral("option 'rank': must be at most 10, got 11"));
    QCOMPARE(error({{QStringLiteral("map"), QStringLiteral("c")}}),
             QStringLiteral("option 'map': expected one of a, b, got \"c\""));
  }

  void checks_give_their_reasons_data() {
    QTest::addColumn<int>("which");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<int>("dtype");
    QTest::addColumn<QString>("expected");
    const int f32 = int(ScalarType::Float32);
    const int i64 = int(ScalarType::Int64);
    QTest::newRow("floating: float") << 0 << Shape{2} << f32 << "(none)";
    QTest::newRow("floating: int") << 0 << Shape{2} << i64 << "T needs a floating-point tensor, got torch.int64";
    QTest::newRow("dimension: vector") << 1 << Shape{3} << f32 << "(none)";
    QTest::newRow("dimension: scalar") << 1 << Shape{} << f32 << "T needs at least one dimension, got shape []";
    QTest::newRow("matrix: batch") << 2 << Shape{2, 3, 4} << f32 << "(none)";
    QTest::newRow("matrix: vector") << 2 << Shape{8} << f32 << "T needs a matrix, got shape [8]";
    QTest::newRow("square: batch") << 3 << Shape{5, 3, 3} << f32 << "(none)";
    QTest::newRow("square: wide") << 3 << Shape{2, 3} << f32
                                  << "T needs a square matrix (or a batch of them), got shape [2, 3]";
    QTest::newRow("square: vector") << 3 << Shape{4} << f32
                                    << "T needs a square matrix (or a batch of them), got shape [4]";
  }

  void checks_give_their_reasons() {
    QFETCH(int, which);
    QFETCH(Shape, shape);
    QFETCH(int, dtype);
    QFETCH(QString, expected);
    const TensorSpec tensor{shape, ScalarType(dtype)};
    const QString name = QStringLiteral("T");
    const std::optional<QString> reasons[] = {require_floating(tensor, name), require_dimension(tensor, name),
                                              require_matrix(tensor, name), require_square(tensor, name)};
    QCOMPARE(reason(reasons[which]), expected);
  }

  // The first condition that fails is the one reported.
  void first_reason_keeps_the_order() {
    const TensorSpec int_vector{{8}, ScalarType::Int64};
    QCOMPARE(reason(first_reason({require_matrix(int_vector, "M"), require_floating(int_vector, "M")})),
             QStringLiteral("M needs a matrix, got shape [8]"));
    QCOMPARE(reason(first_reason({require_floating(int_vector, "M"), require_matrix(int_vector, "M")})),
             QStringLiteral("M needs a floating-point tensor, got torch.int64"));
    const TensorSpec fine{{3, 3}, ScalarType::Float64};
    QVERIFY(!first_reason({require_square(fine, "M"), require_floating(fine, "M")}));
    QVERIFY(!first_reason({}));
  }

  void reasons_translate_in_the_shared_context() {
    MarkingTranslator translator("ParametrizationPlugin");
    QCoreApplication::installTranslator(&translator);
    const QString translated = reason(require_matrix({{8}, ScalarType::Float32}, QStringLiteral("T")));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, QStringLiteral("<T needs a matrix, got shape [8]>"));
  }

  void make_types_keeps_the_order() {
    const auto types = make_types<ScaleLike, OtherType>();
    QCOMPARE(types.size(), 2);
    QCOMPARE(types[0]->type_name(), QStringLiteral("A"));
    QCOMPARE(types[1]->type_name(), QStringLiteral("B"));
  }
};

QTEST_GUILESS_MAIN(TestPluginHelpers)
#include "tst_plugin_helpers.moc"
