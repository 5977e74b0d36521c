// Option values checked against a schema: defaults, typing, parsing of text
// (model files), ranges, choices, unknown keys; every error names its option.
#include <QTest>
#include <limits>

#include "option_values.h"

using paratrace::plugin::OptionError;
using paratrace::plugin::OptionSpec;
using paratrace::pluginhost::resolve_options;

namespace {

OptionSpec spec(const char* name, OptionSpec::Type type, QVariant default_value, QVariant minimum = {},
                QVariant maximum = {}, QStringList choices = {}) {
  OptionSpec s;
  s.name = QLatin1String(name);
  s.type = type;
  s.default_value = std::move(default_value);
  s.minimum = std::move(minimum);
  s.maximum = std::move(maximum);
  s.choices = std::move(choices);
  return s;
}

// One option of each type.
QList<OptionSpec> schema() {
  return {
      spec("rank", OptionSpec::Type::Int, 2, 1, 10),
      spec("eps", OptionSpec::Type::Float, 1e-3, 0.0, 1.0),
      spec("use_trivialization", OptionSpec::Type::Bool, true),
      spec("map", OptionSpec::Type::Choice, QStringLiteral("cayley"), {}, {},
           {QStringLiteral("matrix_exp"), QStringLiteral("cayley"), QStringLiteral("householder")}),
      spec("label", OptionSpec::Type::String, QStringLiteral("w")),
  };
}

}  // namespace

class TestPluginOptions : public QObject {
  Q_OBJECT

 private slots:
  void defaults_fill_missing_options_typed() {
    const QVariantMap resolved = resolve_options(schema(), {});
    QCOMPARE(resolved.size(), 5);
    QCOMPARE(resolved.value("rank").typeId(), int(QMetaType::LongLong));
    QCOMPARE(resolved.value("rank").toLongLong(), 2);
    QCOMPARE(resolved.value("eps").typeId(), int(QMetaType::Double));
    QCOMPARE(resolved.value("eps").toDouble(), 1e-3);
    QCOMPARE(resolved.value("use_trivialization"), QVariant(true));
    QCOMPARE(resolved.value("map"), QVariant(QStringLiteral("cayley")));
    QCOMPARE(resolved.value("label"), QVariant(QStringLiteral("w")));
  }

  // A null default is Python's None: the option may stay unset, or be set.
  void an_option_without_default_may_stay_unset() {
    const QList<OptionSpec> optional{spec("dim", OptionSpec::Type::Int, QVariant(), -1)};
    QVERIFY(resolve_options(optional, {}).value("dim").isNull());
    QVERIFY(resolve_options(optional, {{"dim", QVariant::fromValue(nullptr)}}).value("dim").isNull());
    QCOMPARE(resolve_options(optional, {{"dim", "1"}}).value("dim"), QVariant(qlonglong(1)));
    try {
      resolve_options(optional, {{"dim", -2}});
      QFAIL("no OptionError thrown");
    } catch (const OptionError& e) {
      QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("option 'dim': must be at least -1, got -2"));
    }
  }

  void values_are_converted_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("int from int") << "rank" << QVariant(7) << QVariant(qlonglong(7));
    QTest::newRow("int from whole double (JSON)") << "rank" << QVariant(3.0) << QVariant(qlonglong(3));
    QTest::newRow("int from text") << "rank" << QVariant(" 4 ") << QVariant(qlonglong(4));
    QTest::newRow("float from int") << "eps" << QVariant(1) << QVariant(1.0);
    QTest::newRow("float from text") << "eps" << QVariant("0.25") << QVariant(0.25);
    QTest::newRow("bool from text") << "use_trivialization" << QVariant("False") << QVariant(false);
    QTest::newRow("choice") << "map" << QVariant("householder") << QVariant(QStringLiteral("householder"));
    QTest::newRow("string") << "label" << QVariant("weight_hh") << QVariant(QStringLiteral("weight_hh"));
  }
  void values_are_converted() {
    QFETCH(QString, option);
    QFETCH(QVariant, value);
    QFETCH(QVariant, expected);
    const QVariant actual = resolve_options(schema(), {{option, value}}).value(option);
    QCOMPARE(actual.typeId(), expected.typeId());
    QCOMPARE(actual, expected);
  }

  void bad_values_name_the_option_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("fractional int") << "rank" << QVariant(2.5) << "option 'rank': expected an integer, got 2.5";
    QTest::newRow("int from words") << "rank" << QVariant("two") << "option 'rank': expected an integer, got \"two\"";
    QTest::newRow("int from bool") << "rank" << QVariant(true) << "option 'rank': expected an integer, got true";
    QTest::newRow("int below") << "rank" << QVariant(0) << "option 'rank': must be at least 1, got 0";
    QTest::newRow("int above") << "rank" << QVariant(11) << "option 'rank': must be at most 10, got 11";
    QTest::newRow("float above") << "eps" << QVariant(1.5) << "option 'eps': must be at most 1, got 1.5";
    QTest::newRow("float nan") << "eps" << QVariant(std::numeric_limits<double>::quiet_NaN())
                               << "option 'eps': expected a finite number";
    QTest::newRow("float list") << "eps" << QVariant(QVariantList{1, 2})
                                << "option 'eps': expected a finite number, got a value of type QVariantList";
    QTest::newRow("bool from yes") << "use_trivialization" << QVariant("yes")
                                   << "option 'use_trivialization': expected true or false, got \"yes\"";
    QTest::newRow("choice unknown") << "map" << QVariant("qr")
                                    << "option 'map': expected one of matrix_exp, cayley, householder, got \"qr\"";
    QTest::newRow("string from number") << "label" << QVariant(5) << "option 'label': expected text, got 5";
    QTest::newRow("unknown option") << "rnak" << QVariant(3)
                                    << "option 'rnak': there is no such option (the options are rank, eps, "
                                       "use_trivialization, map, label)";
  }
  void bad_values_name_the_option() {
    QFETCH(QString, option);
    QFETCH(QVariant, value);
    QFETCH(QString, message);
    try {
      resolve_options(schema(), {{option, value}});
      QFAIL("no OptionError thrown");
    } catch (const OptionError& e) {
      QCOMPARE(e.option(), option);
      QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
  }

  void bad_default_is_reported() {
    // A schema whose default breaks its own range: the plugin host reports it
    // when loading (it builds every type with its defaults).
    QVERIFY_THROWS_EXCEPTION(OptionError, resolve_options({spec("rank", OptionSpec::Type::Int, 0, 1, 10)}, {}));
  }

  void no_options_means_no_keys() {
    QVERIFY(resolve_options({}, {}).isEmpty());
    try {
      resolve_options({}, {{"scale", 2}});
      QFAIL("no OptionError thrown");
    } catch (const OptionError& e) {
      QCOMPARE(QString::fromUtf8(e.what()),
               QStringLiteral("option 'scale': there is no such option (this parametrization has none)"));
    }
  }
};

QTEST_GUILESS_MAIN(TestPluginOptions)
#include "tst_plugin_options.moc"
