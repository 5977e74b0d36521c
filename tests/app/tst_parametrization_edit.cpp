// Adding and removing parametrizations through the dialog's code path, with
// undo/redo, plugin applicability reasons and the options form.
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include "add_parametrization_dialog.h"
#include "chain_view.h"
#include "demo_model.h"
#include "main_window.h"
#include "model_document.h"
#include "modules_panel.h"
#include "option_form.h"
#include "plugins_dialog.h"

using namespace paratrace;
using namespace paratrace::inspector;

namespace {

bool isParametrized(MainWindow& window, const std::string& module, const std::string& tensor) {
  return nn::parametrize::is_parametrized(*window.document()->module()->get_submodule(module), tensor);
}

}  // namespace

class TstParametrizationEdit : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    qputenv("PARATRACE_PLUGIN_PATH", PARATRACE_BUILTIN_PLUGIN_DIR);
    QStandardPaths::setTestModeEnabled(true);
  }

  void dialogListsApplicableTypesWithReasons() {
    MainWindow window;
    QVERIFY(window.plugins().type(QStringLiteral("Symmetric")));
    window.setModel(testing::demoModel());
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("2.weight")));  // [4, 8]
    auto dialog = window.makeAddParametrizationDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->applicableTypes().contains(QStringLiteral("Symmetric")));
    QVERIFY(dialog->reasonNotApplicable(QStringLiteral("Symmetric")).contains(QStringLiteral("[4, 8]")));
    QVERIFY(!dialog->selectType(QStringLiteral("Symmetric")));

    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("0")));
    QVERIFY(!window.makeAddParametrizationDialog());  // a module is not a tensor
  }

  void addThenUndoAndRedo() {
    MainWindow window;
    window.setModel(testing::demoModel());
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("0.weight")));
    QCOMPARE(window.chainView()->stages().size(), std::size_t(3));
    auto dialog = window.makeAddParametrizationDialog();
    QVERIFY(dialog->applicableTypes().contains(QStringLiteral("Symmetric")));
    QVERIFY(dialog->selectType(QStringLiteral("Symmetric")));
    QVERIFY2(dialog->tryApply(), qPrintable(dialog->errorText()));
    QCOMPARE(window.undoStack()->count(), 1);
    // The tree is rebuilt and the selection kept: the chain has a fourth stage.
    QCOMPARE(window.chainView()->stages().size(), std::size_t(4));
    QCOMPARE(window.chainView()->stages().back().title, QStringLiteral("3 · Symmetric"));
    QVERIFY(window.chainView()->stages().back().property->holds.value());
    // The graph was re-traced with the new step.
    QVERIFY(QString::fromStdString(window.document()->graph()->str(false)).contains(QStringLiteral("aten::triu")));

    window.undoStack()->undo();
    QCOMPARE(window.chainView()->stages().size(), std::size_t(3));
    QVERIFY(!QString::fromStdString(window.document()->graph()->str(false)).contains(QStringLiteral("aten::triu")));
    window.undoStack()->redo();
    QCOMPARE(window.chainView()->stages().size(), std::size_t(4));
  }

  void removeKeepsOrRestoresTheValueAndUndoes() {
    MainWindow window;
    window.setModel(testing::demoModel());
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("0.weight")));
    const Tensor effective = window.document()->module()->child("0")->attr("weight").detach().clone();
    QVERIFY(window.removeParametrizations(true));
    QVERIFY(!isParametrized(window, "0", "weight"));
    QVERIFY(window.document()->module()->child("0")->attr("weight").allclose(effective, 1e-5, 1e-6));
    QCOMPARE(window.chainView()->stages().size(), std::size_t(1));
    window.undoStack()->undo();
    QVERIFY(isParametrized(window, "0", "weight"));
    QCOMPARE(window.chainView()->stages().size(), std::size_t(3));

    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("0.weight")));
    const Tensor original = window.chainView()->stages().front().values.clone();
    QVERIFY(window.removeParametrizations(false));
    QVERIFY(window.document()->module()->child("0")->attr("weight").allclose(original));
    QVERIFY(window.modulesPanel()->selectPath(QStringLiteral("0.bias")));
    QVERIFY(!window.removeParametrizations(false));  // not parametrized: refused, nothing pushed
    // The undone removal was dropped by the second one; the refused one added nothing.
    QCOMPARE(window.undoStack()->count(), 1);
    QCOMPARE(window.undoStack()->index(), 1);
  }

  void coreErrorsStayInTheDialog() {
    MainWindow window;
    window.setModel(testing::demoModel());
    bool called = false;
    AddParametrizationDialog dialog(window.plugins(), QStringLiteral("x"), {{3, 3}, ScalarType::Float32},
                                    [&called](std::shared_ptr<nn::Parametrization>, bool unsafe, const QString&, const QVariantMap&) {
                                      called = true;
                                      QVERIFY(unsafe);
                                      throw ValueError("Registering a parametrization may not change the shape");
                                    });
    QVERIFY(dialog.selectType(QStringLiteral("Skew")));
    dialog.setUnsafe(true);
    dialog.accept();
    QVERIFY(called);
    QVERIFY(dialog.errorText().contains(QStringLiteral("may not change the shape")));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
  }

  // Options that cannot fit the tensor are refused before anything is built.
  void optionsThatDoNotFitTheTensorStayInTheDialog() {
    MainWindow window;
    bool called = false;
    AddParametrizationDialog dialog(window.plugins(), QStringLiteral("x"), {{4, 3}, ScalarType::Float32},
                                    [&called](std::shared_ptr<nn::Parametrization>, bool, const QString&, const QVariantMap&) { called = true; });
    QVERIFY(dialog.selectType(QStringLiteral("LowRank")));
    QVERIFY(dialog.optionForm()->setValue(QStringLiteral("rank"), 5));
    QVERIFY(!dialog.tryApply());
    QVERIFY(!called);
    QCOMPARE(dialog.errorText(), QStringLiteral("LowRank: rank 5 is larger than min(n, m) = 3 for shape [4, 3]"));
    QVERIFY(dialog.optionForm()->setValue(QStringLiteral("rank"), 3));
    QVERIFY2(dialog.tryApply(), qPrintable(dialog.errorText()));
    QVERIFY(called);
  }

  void optionFormFollowsTheSchema() {
    QList<plugin::OptionSpec> schema;
    schema.append({QStringLiteral("rank"), plugin::OptionSpec::Type::Int, 2, 1, 8, {}, QStringLiteral("rank")});
    schema.append({QStringLiteral("map"), plugin::OptionSpec::Type::Choice, QStringLiteral("cayley"), {}, {},
                   {QStringLiteral("cayley"), QStringLiteral("householder")}, {}});
    schema.append({QStringLiteral("trivial"), plugin::OptionSpec::Type::Bool, true, {}, {}, {}, {}});
    schema.append({QStringLiteral("dim"), plugin::OptionSpec::Type::Int, QVariant(), {}, {}, {}, {}});
    OptionForm form;
    form.setSchema(schema);
    QVERIFY(qobject_cast<QSpinBox*>(form.field(QStringLiteral("rank"))));
    QCOMPARE(qobject_cast<QSpinBox*>(form.field(QStringLiteral("rank")))->maximum(), 8);
    QVERIFY(qobject_cast<QComboBox*>(form.field(QStringLiteral("map"))));
    QVERIFY(qobject_cast<QCheckBox*>(form.field(QStringLiteral("trivial"))));
    QVERIFY(form.setValue(QStringLiteral("map"), QStringLiteral("householder")));
    QVERIFY(!form.setValue(QStringLiteral("map"), QStringLiteral("qr")));
    QVERIFY(form.setValue(QStringLiteral("rank"), 5));
    const QVariantMap values = form.values();
    QCOMPARE(values.value(QStringLiteral("rank")).toInt(), 5);
    QCOMPARE(values.value(QStringLiteral("map")).toString(), QStringLiteral("householder"));
    QCOMPARE(values.value(QStringLiteral("trivial")).toBool(), true);
    QVERIFY(!values.contains(QStringLiteral("dim")));  // unset: the host fills in None
    QVERIFY(form.setValue(QStringLiteral("dim"), 1));
    QCOMPARE(form.values().value(QStringLiteral("dim")).toString(), QStringLiteral("1"));
  }

  void pluginsDialogListsLoadedPlugins() {
    MainWindow window;
    PluginsDialog dialog(window.plugins(), {QStringLiteral(PARATRACE_BUILTIN_PLUGIN_DIR)});
    QTreeWidgetItem* loaded = dialog.tree()->topLevelItem(0);
    QVERIFY(loaded->childCount() >= 1);
    bool symmetric = false;
    for (int i = 0; i < loaded->childCount(); ++i) symmetric |= loaded->child(i)->text(0) == QStringLiteral("symmetric");
    QVERIFY(symmetric);
  }
};

QTEST_MAIN(TstParametrizationEdit)
#include "tst_parametrization_edit.moc"
