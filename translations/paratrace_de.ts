<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChainStages</name>
    <message>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>Puffer</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>there is no graph to export</source>
        <translation>es gibt keinen Graphen zum Exportieren</translation>
    </message>
    <message>
        <source>Trace graph</source>
        <translation>Aufzeichnungsgraph</translation>
    </message>
    <message>
        <source>the PNG encoder failed</source>
        <translation>der PNG-Kodierer ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>unknown image format '%1' (use svg, png or pdf)</source>
        <translation>unbekanntes Bildformat „%1“ (verwenden Sie svg, png oder pdf)</translation>
    </message>
</context>
<context>
    <name>ModelFileLoader</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: Die Datei kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>NodeProperties</name>
    <message>
        <source>operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>graph input</source>
        <translation>Graph-Eingabe</translation>
    </message>
    <message>
        <source>parameter or buffer</source>
        <translation>Parameter oder Puffer</translation>
    </message>
    <message>
        <source>graph output</source>
        <translation>Graph-Ausgabe</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>list or tuple</source>
        <translation>Liste oder Tupel</translation>
    </message>
    <message>
        <source>collapsed module</source>
        <translation>eingeklapptes Modul</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
</context>
<context>
    <name>PropertyMeasures</name>
    <message>
        <source>non-zeros outside the mask</source>
        <translation>Nicht-Nullen außerhalb der Maske</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Module %1 (double-click to collapse)</source>
        <translation>Modul %1 (Doppelklick zum Einklappen)</translation>
    </message>
</context>
<context>
    <name>SelectionProperties</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(Wurzel)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Repr</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Parametrized tensor</source>
        <translation>Parametrisierter Tensor</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Originale</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Nested</source>
        <translation>Verschachtelt</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Requires grad</source>
        <translation>Benötigt Gradient</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None (leer)</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>Persistent</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect parametrizations and traced graphs.</source>
        <translation>Parametrisierungen und aufgezeichnete Graphen untersuchen.</translation>
    </message>
    <message>
        <source>A model, traced-module or IR text file to open (default: a bundled example).</source>
        <translation>Eine zu öffnende Modell-, Traced-Module- oder IR-Textdatei (Standard: ein mitgeliefertes Beispiel).</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::AddParametrizationDialog</name>
    <message>
        <source>Unsafe (skip the shape and dtype checks)</source>
        <translation>Unsicher (Form- und Datentypprüfungen überspringen)</translation>
    </message>
    <message>
        <source>Add Parametrization to %1</source>
        <translation>Parametrisierung zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Tensor %1: shape %2, %3</source>
        <translation>Tensor %1: Form %2, %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No parametrization plugins are loaded (see Model ▸ Plugins…).</source>
        <translation>Es sind keine Parametrisierungs-Plugins geladen (siehe Modell ▸ Plugins…).</translation>
    </message>
    <message>
        <source>Choose a parametrization.</source>
        <translation>Wählen Sie eine Parametrisierung.</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ChainView</name>
    <message>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <source>%1 → effective %2</source>
        <translation>%1 → wirksames %2</translation>
    </message>
    <message>
        <source>shape %1 · %2 · %3 elements</source>
        <translation>Form %1 · %2 · %3 Elemente</translation>
    </message>
    <message>
        <source>own tensors: %1</source>
        <translation>eigene Tensoren: %1</translation>
    </message>
    <message>
        <source>min %1 · max %2 · mean %3 · norm %4 · sparsity %5%</source>
        <translation>Min %1 · Max %2 · Mittel %3 · Norm %4 · Dünnbesetztheit %5%</translation>
    </message>
    <message>
        <source>  ✓ holds</source>
        <translation>  ✓ erfüllt</translation>
    </message>
    <message>
        <source>  ✗ does not hold</source>
        <translation>  ✗ nicht erfüllt</translation>
    </message>
    <message>
        <source>The chain could not be evaluated: %1</source>
        <translation>Die Kette konnte nicht ausgewertet werden: %1</translation>
    </message>
    <message>
        <source>Select a parameter, buffer or parametrized tensor in the Modules dock.</source>
        <translation>Wählen Sie im Fenster „Module“ einen Parameter, Puffer oder parametrisierten Tensor.</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ExportDialog</name>
    <message>
        <source>Whole graph</source>
        <translation>Ganzer Graph</translation>
    </message>
    <message>
        <source>Visible area</source>
        <translation>Sichtbarer Bereich</translation>
    </message>
    <message>
        <source>Export Graph Image</source>
        <translation>Graph als Bild exportieren</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Resolution (PNG, DPI):</source>
        <translation>Auflösung (PNG, DPI):</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::GraphPanel</name>
    <message>
        <source>The graph could not be laid out:
%1</source>
        <translation>Der Graph konnte nicht angeordnet werden:
%1</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Find nodes by kind, name or scope</source>
        <translation>Knoten nach Art, Name oder Bereich suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>Graph wird angeordnet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Graph layout is not available in this build.</source>
        <translation>Die Graph-Anordnung ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>Open a model (File ▸ Open) or drop a file here to see its traced graph.</source>
        <translation>Öffnen Sie ein Modell (Datei ▸ Öffnen) oder ziehen Sie eine Datei hierher, um den aufgezeichneten Graphen zu sehen.</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Export Graph Image…</source>
        <translation>Graph als Bild &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;IR Text…</source>
        <translation>&amp;IR-Text exportieren…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Add Parametrization…</source>
        <translation>Parametrisierung &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Parametrizations…</source>
        <translation>Parametrisierungen &amp;entfernen…</translation>
    </message>
    <message>
        <source>Re-&amp;trace</source>
        <translation>Neu &amp;aufzeichnen</translation>
    </message>
    <message>
        <source>&amp;Check Trace</source>
        <translation>Aufzeichnung &amp;prüfen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Find Node…</source>
        <translation>Knoten &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About Paratrace</source>
        <translation>Ü&amp;ber Paratrace</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>&amp;Beispiel öffnen</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MainWindow</name>
    <message>
        <source>Re-tracing failed: %1</source>
        <translation>Erneutes Aufzeichnen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Graph layout failed: %1</source>
        <translation>Graph-Anordnung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>About Paratrace</source>
        <translation>Über Paratrace</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Paratrace %1&lt;/h3&gt;&lt;p&gt;An inspector for PyTorch-style parametrizations and traced graphs, built on the Paratrace C++ library.&lt;/p&gt;&lt;p&gt;Qt %2 · Graphviz layout&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Paratrace %1&lt;/h3&gt;&lt;p&gt;Ein Inspektor für Parametrisierungen im Stil von PyTorch und aufgezeichnete Graphen, gebaut auf der C++-Bibliothek Paratrace.&lt;/p&gt;&lt;p&gt;Qt %2 · Anordnung mit Graphviz&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Could not open the file; the previous model stays open.
%1</source>
        <translation>Die Datei konnte nicht geöffnet werden; das bisherige Modell bleibt geöffnet.
%1</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Paratrace files (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;All files (*)</source>
        <translation>Paratrace-Dateien (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Select a parameter, buffer or parametrized tensor first.</source>
        <translation>Wählen Sie zuerst einen Parameter, Puffer oder parametrisierten Tensor.</translation>
    </message>
    <message>
        <source>%1 is None.</source>
        <translation>%1 ist None.</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
    <message>
        <source>Select a parametrized tensor first.</source>
        <translation>Wählen Sie zuerst einen parametrisierten Tensor.</translation>
    </message>
    <message>
        <source>Remove parametrizations of %1</source>
        <translation>Parametrisierungen von %1 entfernen</translation>
    </message>
    <message>
        <source>Remove Parametrizations</source>
        <translation>Parametrisierungen entfernen</translation>
    </message>
    <message>
        <source>Remove every parametrization of %1?</source>
        <translation>Alle Parametrisierungen von %1 entfernen?</translation>
    </message>
    <message>
        <source>Keep the current (parametrized) value (leave_parametrized)</source>
        <translation>Den aktuellen (parametrisierten) Wert behalten (leave_parametrized)</translation>
    </message>
    <message>
        <source>This model has no example inputs to trace with.</source>
        <translation>Dieses Modell hat keine Beispieleingaben zum Aufzeichnen.</translation>
    </message>
    <message>
        <source>Tracing failed; the previous trace is kept.
%1</source>
        <translation>Aufzeichnen fehlgeschlagen; die bisherige Aufzeichnung bleibt erhalten.
%1</translation>
    </message>
    <message numerus="yes">
        <source>Re-traced %n method(s).</source>
        <translation><numerusform>%n Methode neu aufgezeichnet.</numerusform><numerusform>%n Methoden neu aufgezeichnet.</numerusform></translation>
    </message>
    <message>
        <source>Paratrace</source>
        <translation>Paratrace</translation>
    </message>
    <message>
        <source>%1 — Paratrace</source>
        <translation>%1 — Paratrace</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Parametrization Chain</source>
        <translation>Parametrisierungskette</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>IR</source>
        <translation>IR</translation>
    </message>
    <message>
        <source>Trace Check</source>
        <translation>Aufzeichnungsprüfung</translation>
    </message>
    <message>
        <source>Export IR Text</source>
        <translation>IR-Text exportieren</translation>
    </message>
    <message>
        <source>IR text (*.ir *.txt)</source>
        <translation>IR-Text (*.ir *.txt)</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The model opened, but tracing it failed:
%1</source>
        <translation>Das Modell wurde geöffnet, aber das Aufzeichnen ist fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ModuleTreeModel</name>
    <message>
        <source>Parametrized: %1</source>
        <translation>Parametrisiert: %1</translation>
    </message>
    <message>
        <source>Computed by %1 from %2</source>
        <translation>Berechnet durch %1 aus %2</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Buffer (non-persistent)</source>
        <translation>Puffer (nicht persistent)</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(Wurzel)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ModulesPanel</name>
    <message>
        <source>Filter modules and tensors</source>
        <translation>Module und Tensoren filtern</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::OptionForm</name>
    <message>
        <source>unset</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>This parametrization has no options.</source>
        <translation>Diese Parametrisierung hat keine Optionen.</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PluginsDialog</name>
    <message>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Loaded (%1)</source>
        <translation>Geladen (%1)</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Parametrizations</source>
        <translation>Parametrisierungen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Load errors (%1)</source>
        <translation>Ladefehler (%1)</translation>
    </message>
    <message>
        <source>Searched: %1</source>
        <translation>Durchsucht: %1</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Default export format:</source>
        <translation>Standard-Exportformat:</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::TraceCheckPanel</name>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n input(s).</source>
        <translation><numerusform>Nach %n Eingabe abgebrochen.</numerusform><numerusform>Nach %n Eingaben abgebrochen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Passed: the trace matches on %n input(s).</source>
        <translation><numerusform>Bestanden: Die Aufzeichnung stimmt bei %n Eingabe überein.</numerusform><numerusform>Bestanden: Die Aufzeichnung stimmt bei %n Eingaben überein.</numerusform></translation>
    </message>
    <message>
        <source>Failed: see the report below.</source>
        <translation>Fehlgeschlagen: siehe Bericht unten.</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n random input(s).</source>
        <translation><numerusform>%n zufällige Eingabe geprüft.</numerusform><numerusform>%n zufällige Eingaben geprüft.</numerusform></translation>
    </message>
    <message>
        <source>Error while checking:</source>
        <translation>Fehler beim Prüfen:</translation>
    </message>
    <message>
        <source>Graphs differed across invocations:</source>
        <translation>Die Graphen unterschieden sich zwischen Aufrufen:</translation>
    </message>
    <message>
        <source>Constants that differ between traces:</source>
        <translation>Konstanten, die sich zwischen Aufzeichnungen unterscheiden:</translation>
    </message>
    <message>
        <source>Output mismatches (warnings):</source>
        <translation>Abweichende Ausgaben (Warnungen):</translation>
    </message>
    <message>
        <source>Nondeterministic nodes:</source>
        <translation>Nichtdeterministische Knoten:</translation>
    </message>
    <message>
        <source>Tracer warnings:</source>
        <translation>Warnungen des Tracers:</translation>
    </message>
    <message>
        <source>No graph differences, no output mismatches, no warnings.</source>
        <translation>Keine Graph-Unterschiede, keine abweichenden Ausgaben, keine Warnungen.</translation>
    </message>
    <message>
        <source>Check inputs:</source>
        <translation>Prüfeingaben:</translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation>Toleranz:</translation>
    </message>
    <message>
        <source>Run Check</source>
        <translation>Prüfung starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open a model with example inputs to check its trace.</source>
        <translation>Öffnen Sie ein Modell mit Beispieleingaben, um seine Aufzeichnung zu prüfen.</translation>
    </message>
</context>
</TS>