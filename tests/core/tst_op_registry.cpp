// The op registry: one complete definition per op kind, names unique and
// consistent with the schemas, lookups by name.
#include <set>

#include "paratrace/ops/op.h"
#include "test_util.h"

using namespace paratrace;

class TestOpRegistry : public QObject {
  Q_OBJECT
 private slots:
  void everyOpHasKernelShapeRuleAndSchema() {
    QStringList missing;
    for (int i = 0; i < kOpCount; ++i) {
      const OpDef& d = op_def(static_cast<OpKind>(i));
      if (!d.forward || !d.shape || d.schema.empty()) missing << QString::fromUtf8(d.name().data(), int(d.name().size()));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("incomplete ops: ") + missing.join(QStringLiteral(", "))));
  }

  void differentiableOpsHaveBackward() {
    QStringList missing;
    for (int i = 0; i < kOpCount; ++i) {
      const OpDef& d = op_def(static_cast<OpKind>(i));
      if (d.forward && !d.backward && !d.has(kComposite) && !d.has(kNonDifferentiable))
        missing << QString::fromUtf8(d.name().data(), int(d.name().size()));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no backward: ") + missing.join(QStringLiteral(", "))));
  }

  void schemaStartsWithTheOpName() {
    for (int i = 0; i < kOpCount; ++i) {
      const OpDef& d = op_def(static_cast<OpKind>(i));
      if (d.schema.empty()) continue;
      const std::string name(d.name());
      const std::string schema(d.schema);
      QVERIFY2(schema.rfind(name + "(", 0) == 0 || schema.rfind(name + ".", 0) == 0, schema.c_str());
    }
  }

  void namesAreUniqueAndFoundByLookup() {
    std::set<std::string_view> seen;
    for (int i = 0; i < kOpCount; ++i) {
      const auto k = static_cast<OpKind>(i);
      QVERIFY(seen.insert(op_name(k)).second);
      const OpDef* d = find_op(op_name(k));
      QVERIFY(d != nullptr);
      QCOMPARE(int(d->kind), i);
    }
    QVERIFY(find_op("aten::no_such_op") == nullptr);
  }

  void inplaceFlagMatchesTrailingUnderscore() {
    for (int i = 0; i < kOpCount; ++i) {
      const OpDef& d = op_def(static_cast<OpKind>(i));
      if (!d.forward) continue;
      QCOMPARE(d.has(kInplace), d.name().back() == '_');
    }
  }

  void wrongArgumentCountIsATypeErrorNamingTheOp() {
    Tensor x = ones({2});
    PT_VERIFY_THROWS(TypeError, call_op(OpKind::add, {x}), "aten::add() takes from 2 to 3 arguments but 1 were given");
    PT_VERIFY_THROWS(TypeError, call_op(OpKind::neg, {x, x}), "aten::neg() takes from 1 to 1 arguments but 2 were given");
  }

  void wrongArgumentTypeIsATypeError() {
    PT_VERIFY_THROWS(TypeError, call_op(OpKind::neg, {std::int64_t{3}}), "expected Tensor but got int");
  }
};

QTEST_GUILESS_MAIN(TestOpRegistry)
#include "tst_op_registry.moc"
