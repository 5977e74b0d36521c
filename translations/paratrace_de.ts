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
    <name>DocumentSaver</name>
    <message>
        <source>No model is open.</source>
        <translation>Es ist kein Modell geöffnet.</translation>
    </message>
    <message>
        <source>A traced-module file has no example inputs to trace the edited module again, so its graph would no longer match the module. Undo the edits to save it.</source>
        <translation>Eine Traced-Module-Datei hat keine Beispieleingaben, um das bearbeitete Modul erneut aufzuzeichnen; ihr Graph würde also nicht mehr zum Modul passen. Machen Sie die Änderungen rückgängig, um die Datei zu speichern.</translation>
    </message>
    <message>
        <source>The edited model could not be traced, and a model built in memory is saved as a traced module.</source>
        <translation>Das bearbeitete Modell konnte nicht aufgezeichnet werden, und ein im Speicher erstelltes Modell kann nur als Traced Module gespeichert werden.</translation>
    </message>
    <message>
        <source>This model was built in memory without a trace: there is no file format to save it in.</source>
        <translation>Dieses Modell wurde ohne Aufzeichnung im Speicher erstellt: Es gibt kein Dateiformat, in dem es gespeichert werden kann.</translation>
    </message>
    <message>
        <source>Paratrace model files (*.paratrace.json)</source>
        <translation>Paratrace-Modelldateien (*.paratrace.json)</translation>
    </message>
    <message>
        <source>Traced-module files (*.safetensors)</source>
        <translation>Traced-Module-Dateien (*.safetensors)</translation>
    </message>
    <message>
        <source>IR text (*.ir *.txt)</source>
        <translation>IR-Text (*.ir *.txt)</translation>
    </message>
</context>
<context>
    <name>ExampleInputs</name>
    <message>
        <source>unknown dtype &quot;%1&quot; (known: float32, float64, int64, uint8, bool)</source>
        <translation>unbekannter dtype „%1“ (bekannt: float32, float64, int64, uint8, bool)</translation>
    </message>
    <message>
        <source>a size must not be negative, got %1</source>
        <translation>eine Größe darf nicht negativ sein, erhalten: %1</translation>
    </message>
    <message>
        <source>init &quot;%1&quot; needs a floating-point dtype</source>
        <translation>init „%1“ benötigt einen Gleitkomma-dtype</translation>
    </message>
    <message>
        <source>unknown init &quot;%1&quot; (known: randn, rand, zeros, ones)</source>
        <translation>unbekanntes init „%1“ (bekannt: randn, rand, zeros, ones)</translation>
    </message>
    <message>
        <source>%1 holds no tensor named &quot;%2&quot;</source>
        <translation>%1 enthält keinen Tensor namens „%2“</translation>
    </message>
    <message>
        <source>expected a tensor ({&quot;shape&quot;: ...} or {&quot;file&quot;: ..., &quot;name&quot;: ...}), an array (a tuple), or {&quot;tuple&quot;|&quot;list&quot;|&quot;dict&quot;: ...}</source>
        <translation>erwartet wurde ein Tensor ({&quot;shape&quot;: ...} oder {&quot;file&quot;: ..., &quot;name&quot;: ...}), ein Array (ein Tupel) oder {&quot;tuple&quot;|&quot;list&quot;|&quot;dict&quot;: ...}</translation>
    </message>
    <message>
        <source>a model file holds tensors and tuples, lists and dicts of them, not %1</source>
        <translation>eine Modelldatei enthält Tensoren sowie Tupel, Listen und Dicts davon, nicht %1</translation>
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
        <source>unknown image format &apos;%1&apos; (use svg, png or pdf)</source>
        <translation>unbekanntes Bildformat „%1“ (verwenden Sie svg, png oder pdf)</translation>
    </message>
    <message>
        <source>Drawing the graph…</source>
        <translation>Graph wird gezeichnet…</translation>
    </message>
    <message>
        <source>Encoding the PNG…</source>
        <translation>PNG wird kodiert…</translation>
    </message>
</context>
<context>
    <name>JsonNode</name>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet wurde ein Objekt, erhalten: %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>erwartet wurde ein Array, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>erwartet wurde eine Zeichenkette, erhalten: %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet wurde true oder false, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>erwartet wurde eine Zahl, erhalten: %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>erwartet wurde eine ganze Zahl, erhalten: %1</translation>
    </message>
</context>
<context>
    <name>LowRankPlugin</name>
    <message>
        <source>Low rank</source>
        <translation>Niedriger Rang</translation>
    </message>
    <message>
        <source>Keeps the rank of a matrix at most r by learning it as A B, with A (n x r) as original0 and B (r x m) as original1; applying it keeps the best rank-r approximation (truncated SVD).</source>
        <translation>Hält den Rang einer Matrix bei höchstens r, indem sie als A B gelernt wird, mit A (n x r) als original0 und B (r x m) als original1; beim Anwenden wird die beste Rang-r-Näherung übernommen (abgeschnittene SVD).</translation>
    </message>
    <message>
        <source>The largest rank r the matrix may have</source>
        <translation>Der größte Rang r, den die Matrix haben darf</translation>
    </message>
    <message>
        <source>%1: rank %2 is larger than min(n, m) = %3 for shape %4</source>
        <translation>%1: Rang %2 ist größer als min(n, m) = %3 für Form %4</translation>
    </message>
    <message>
        <source>Rank one</source>
        <translation>Rang eins</translation>
    </message>
    <message>
        <source>The outer product a b^T of two learnt vectors, as RankOne of PyTorch&apos;s parametrize tests (LowRank with rank 1).</source>
        <translation>Das äußere Produkt a b^T zweier gelernter Vektoren, wie RankOne aus den Parametrize-Tests von PyTorch (LowRank mit Rang 1).</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>ungültiges JSON bei Offset %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>erwartet wurde ein JSON-Objekt</translation>
    </message>
    <message>
        <source>the buffer %1 does not match the file&apos;s tensor in shape or dtype</source>
        <translation>der Puffer %1 stimmt in Form oder dtype nicht mit dem Tensor der Datei überein</translation>
    </message>
    <message>
        <source>%1 has no parameter or buffer &quot;%2&quot;</source>
        <translation>%1 hat keinen Parameter oder Puffer „%2“</translation>
    </message>
    <message>
        <source>no loaded plugin provides the parametrization &quot;%1&quot; (available: %2)</source>
        <translation>kein geladenes Plugin stellt die Parametrisierung „%1“ bereit (verfügbar: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>expected &quot;paratrace-model&quot;, got &quot;%1&quot;</source>
        <translation>erwartet wurde „paratrace-model“, erhalten: „%1“</translation>
    </message>
    <message>
        <source>unsupported version %1 (this Paratrace reads version %2)</source>
        <translation>nicht unterstützte Version %1 (dieses Paratrace liest Version %2)</translation>
    </message>
    <message>
        <source>the model has no method &quot;%1&quot;</source>
        <translation>das Modell hat keine Methode „%1“</translation>
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
    <name>ModelFileText</name>
    <message>
        <source>methods need a Sequential root module, got %1</source>
        <translation>Methoden benötigen ein Sequential als Wurzelmodul, erhalten: %1</translation>
    </message>
    <message>
        <source>forward is the root module&apos;s own method</source>
        <translation>forward ist die eigene Methode des Wurzelmoduls</translation>
    </message>
</context>
<context>
    <name>ModelSaver</name>
    <message>
        <source>cannot write the file: %1</source>
        <translation>die Datei kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>ModuleFactory</name>
    <message>
        <source>inplace=true is not supported: layers return a new tensor</source>
        <translation>inplace=true wird nicht unterstützt: Schichten geben einen neuen Tensor zurück</translation>
    </message>
    <message>
        <source>expected a floating-point dtype (&quot;float32&quot; or &quot;float64&quot;), got &quot;%1&quot;</source>
        <translation>erwartet wurde ein Gleitkomma-dtype („float32“ oder „float64“), erhalten: „%1“</translation>
    </message>
    <message>
        <source>padding must be an integer or a pair: &apos;same&apos; and &apos;valid&apos; are not supported</source>
        <translation>padding muss eine ganze Zahl oder ein Paar sein: &apos;same&apos; und &apos;valid&apos; werden nicht unterstützt</translation>
    </message>
    <message>
        <source>only padding_mode &quot;zeros&quot; is supported</source>
        <translation>nur padding_mode „zeros“ wird unterstützt</translation>
    </message>
    <message>
        <source>approximate must be &quot;none&quot; or &quot;tanh&quot;, got &quot;%1&quot;</source>
        <translation>approximate muss „none“ oder „tanh“ sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>return_indices=true is not supported</source>
        <translation>return_indices=true wird nicht unterstützt</translation>
    </message>
    <message>
        <source>divisor_override is not supported</source>
        <translation>divisor_override wird nicht unterstützt</translation>
    </message>
    <message>
        <source>nonlinearity must be &quot;tanh&quot; or &quot;relu&quot;, got &quot;%1&quot;</source>
        <translation>nonlinearity muss „tanh“ oder „relu“ sein, erhalten: „%1“</translation>
    </message>
</context>
<context>
    <name>ModuleFactoryText</name>
    <message>
        <source>expected an integer or a list of 2 integers, got %1 values</source>
        <translation>erwartet wurde eine ganze Zahl oder eine Liste mit 2 ganzen Zahlen, erhalten: %1 Werte</translation>
    </message>
    <message>
        <source>ModuleList children are numbered 0, 1, ...; got &quot;%1&quot;</source>
        <translation>Kinder einer ModuleList werden 0, 1, ... nummeriert; erhalten: „%1“</translation>
    </message>
    <message>
        <source>the cell must be an RNNCell, GRUCell or LSTMCell, got %1</source>
        <translation>die Zelle muss eine RNNCell, GRUCell oder LSTMCell sein, erhalten: %1</translation>
    </message>
    <message>
        <source>unknown module type &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Modultyp „%1“ (bekannt: %2)</translation>
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
    <name>NormsPlugin</name>
    <message>
        <source>Spectral normalization</source>
        <translation>Spektrale Normalisierung</translation>
    </message>
    <message>
        <source>Divides the weight by its largest singular value, estimated by power iteration (buffers _u, _v; updated in training mode only), as torch.nn.utils.parametrizations.spectral_norm.</source>
        <translation>Teilt das Gewicht durch seinen größten Singulärwert, geschätzt per Potenziteration (Puffer _u, _v; nur im Trainingsmodus aktualisiert), wie torch.nn.utils.parametrizations.spectral_norm.</translation>
    </message>
    <message>
        <source>Power iterations per evaluation in training mode</source>
        <translation>Potenziterationen pro Auswertung im Trainingsmodus</translation>
    </message>
    <message>
        <source>Added to norms when normalizing, for numerical stability</source>
        <translation>Wird beim Normalisieren zu Normen addiert, für numerische Stabilität</translation>
    </message>
    <message>
        <source>The output dimension (negative counts from the end); unset: 1 for ConvTranspose modules, 0 otherwise, as PyTorch does</source>
        <translation>Die Ausgabedimension (negative Werte zählen vom Ende); nicht gesetzt: 1 für ConvTranspose-Module, sonst 0, wie in PyTorch</translation>
    </message>
    <message>
        <source>Weight normalization</source>
        <translation>Gewichtsnormalisierung</translation>
    </message>
    <message>
        <source>Splits the weight into a magnitude g (original0) and a direction v (original1), weight = g v / ||v||, as torch.nn.utils.parametrizations.weight_norm (PyTorch 2).</source>
        <translation>Zerlegt das Gewicht in einen Betrag g (original0) und eine Richtung v (original1), weight = g v / ||v||, wie torch.nn.utils.parametrizations.weight_norm (PyTorch 2).</translation>
    </message>
    <message>
        <source>The dimension kept by the norm (one g per slice); -1 normalizes the whole tensor (PyTorch&apos;s dim=None)</source>
        <translation>Die von der Norm beibehaltene Dimension (ein g pro Schnitt); -1 normalisiert den ganzen Tensor (dim=None in PyTorch)</translation>
    </message>
</context>
<context>
    <name>ObjectReader</name>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>erforderlicher Schlüssel „%1“ fehlt</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (accepted here: %2)</source>
        <translation>unbekannter Schlüssel „%1“ (hier zulässig: %2)</translation>
    </message>
</context>
<context>
    <name>OptionValues</name>
    <message>
        <source>a value of type %1</source>
        <translation>ein Wert vom Typ %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>erwartet wurde eine ganze Zahl, erhalten: %1</translation>
    </message>
    <message>
        <source>expected a finite number, got %1</source>
        <translation>erwartet wurde eine endliche Zahl, erhalten: %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>erwartet wurde true oder false, erhalten: %1</translation>
    </message>
    <message>
        <source>must be at least %1, got %2</source>
        <translation>muss mindestens %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation>darf höchstens %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>expected one of %1, got %2</source>
        <translation>erwartet wurde einer der Werte %1, erhalten: %2</translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation>erwartet wurde Text, erhalten: %1</translation>
    </message>
    <message>
        <source>there is no such option (this parametrization has none)</source>
        <translation>diese Option gibt es nicht (diese Parametrisierung hat keine)</translation>
    </message>
    <message>
        <source>there is no such option (the options are %1)</source>
        <translation>diese Option gibt es nicht (die Optionen sind %1)</translation>
    </message>
</context>
<context>
    <name>OrthogonalPlugin</name>
    <message>
        <source>Orthogonal matrix</source>
        <translation>Orthogonale Matrix</translation>
    </message>
    <message>
        <source>Keeps a matrix (or a batch of them) with orthonormal columns, or rows if it is wide, as torch.nn.utils.parametrizations.orthogonal.</source>
        <translation>Hält eine Matrix (oder einen Stapel davon) mit orthonormalen Spalten, bzw. Zeilen, wenn sie breit ist, wie torch.nn.utils.parametrizations.orthogonal.</translation>
    </message>
    <message>
        <source>How an unconstrained matrix becomes orthogonal; auto picks matrix_exp for square matrices and householder otherwise, as PyTorch does</source>
        <translation>Wie eine unbeschränkte Matrix orthogonal wird; auto wählt matrix_exp für quadratische Matrizen und sonst householder, wie in PyTorch</translation>
    </message>
    <message>
        <source>Learn on top of a base orthogonal matrix set by assignment (dynamic trivialization), so an assigned matrix is kept exactly</source>
        <translation>Auf einer per Zuweisung gesetzten orthogonalen Basismatrix lernen (dynamische Trivialisierung), sodass eine zugewiesene Matrix exakt erhalten bleibt</translation>
    </message>
    <message>
        <source>Cayley map</source>
        <translation>Cayley-Abbildung</translation>
    </message>
    <message>
        <source>Maps a square matrix X to (I + X)^-1 (I - X), orthogonal when X is skew-symmetric: put it after Skew, as the Orthogonal of PyTorch&apos;s parametrize tests.</source>
        <translation>Bildet eine quadratische Matrix X auf (I + X)^-1 (I - X) ab, orthogonal, wenn X schiefsymmetrisch ist: nach Skew einsetzen, wie Orthogonal aus den Parametrize-Tests von PyTorch.</translation>
    </message>
</context>
<context>
    <name>ParametrizationPlugin</name>
    <message>
        <source>%1 needs a floating-point tensor, got %2</source>
        <translation>%1 benötigt einen Gleitkomma-Tensor, erhalten: %2</translation>
    </message>
    <message>
        <source>%1 needs at least one dimension, got shape %2</source>
        <translation>%1 benötigt mindestens eine Dimension, erhalten: Form %2</translation>
    </message>
    <message>
        <source>%1 needs a matrix, got shape %2</source>
        <translation>%1 benötigt eine Matrix, erhalten: Form %2</translation>
    </message>
    <message>
        <source>%1 needs a square matrix (or a batch of them), got shape %2</source>
        <translation>%1 benötigt eine quadratische Matrix (oder einen Stapel davon), erhalten: Form %2</translation>
    </message>
</context>
<context>
    <name>PluginManager</name>
    <message>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
    </message>
    <message>
        <source>not a Qt plugin (it has no plugin metadata)</source>
        <translation>kein Qt-Plugin (es hat keine Plugin-Metadaten)</translation>
    </message>
    <message>
        <source>provides the parametrization &quot;%1&quot;, already provided by %2</source>
        <translation>stellt die Parametrisierung „%1“ bereit, die bereits von %2 bereitgestellt wird</translation>
    </message>
    <message>
        <source>creating the plugin object</source>
        <translation>das Erzeugen des Plugin-Objekts</translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation>kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>its root object does not implement ParametrizationPlugin</source>
        <translation>sein Wurzelobjekt implementiert ParametrizationPlugin nicht</translation>
    </message>
    <message>
        <source>listing its parametrizations</source>
        <translation>das Auflisten seiner Parametrisierungen</translation>
    </message>
    <message>
        <source>its metadata lists the parametrizations %1 but its code provides %2</source>
        <translation>seine Metadaten nennen die Parametrisierungen %1, sein Code stellt aber %2 bereit</translation>
    </message>
    <message>
        <source>building &quot;%1&quot; with its default options</source>
        <translation>das Erstellen von „%1“ mit seinen Standardoptionen</translation>
    </message>
    <message>
        <source>%1 gave no parametrization</source>
        <translation>%1 lieferte keine Parametrisierung</translation>
    </message>
    <message>
        <source>%1 threw: %2</source>
        <translation>%1 warf eine Ausnahme: %2</translation>
    </message>
    <message>
        <source>%1 threw something that is not a std::exception</source>
        <translation>%1 warf etwas, das keine std::exception ist</translation>
    </message>
    <message>
        <source>no loaded plugin provides the parametrization &quot;%1&quot;</source>
        <translation>kein geladenes Plugin stellt die Parametrisierung „%1“ bereit</translation>
    </message>
    <message>
        <source>%1 (from %2) could not be built: %3</source>
        <translation>%1 (aus %2) konnte nicht erstellt werden: %3</translation>
    </message>
    <message>
        <source>it threw something that is not a std::exception</source>
        <translation>es wurde etwas geworfen, das keine std::exception ist</translation>
    </message>
    <message>
        <source>the plugin returned no parametrization</source>
        <translation>das Plugin lieferte keine Parametrisierung</translation>
    </message>
</context>
<context>
    <name>PluginMetadata</name>
    <message>
        <source>built for plugin API %1, this Paratrace loads API %2 (IID %3)</source>
        <translation>gebaut für Plugin-API %1, dieses Paratrace lädt API %2 (IID %3)</translation>
    </message>
    <message>
        <source>not a Paratrace parametrization plugin: its IID is &quot;%1&quot;, expected &quot;%2&quot;</source>
        <translation>kein Paratrace-Parametrisierungs-Plugin: seine IID ist „%1“, erwartet wurde „%2“</translation>
    </message>
    <message>
        <source>its metadata JSON lacks %1 (see docs/plugins.md)</source>
        <translation>seinem Metadaten-JSON fehlt %1 (siehe docs/plugins.md)</translation>
    </message>
    <message>
        <source>built for plugin API %1 (metadata apiVersion), this Paratrace loads API %2</source>
        <translation>gebaut für Plugin-API %1 (Metadaten-apiVersion), dieses Paratrace lädt API %2</translation>
    </message>
    <message>
        <source>its metadata lists a parametrization without a name</source>
        <translation>seine Metadaten nennen eine Parametrisierung ohne Namen</translation>
    </message>
    <message>
        <source>its metadata lists the parametrization &quot;%1&quot; twice</source>
        <translation>seine Metadaten nennen die Parametrisierung „%1“ zweimal</translation>
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
    <name>RetraceInputs</name>
    <message>
        <source>the shape must be sizes separated by commas, such as &quot;2, 8&quot;; got &quot;%1&quot;</source>
        <translation>die Form muss aus durch Kommas getrennten Größen bestehen, etwa „2, 8“; erhalten: „%1“</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>Argument %1</translation>
    </message>
    <message>
        <source>choose a safetensors file</source>
        <translation>wählen Sie eine safetensors-Datei</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>Form</translation>
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
    <name>SparsityPlugin</name>
    <message>
        <source>Sparsity mask</source>
        <translation>Dünnbesetztheitsmaske</translation>
    </message>
    <message>
        <source>Multiplies the weight by a fixed 0/1 mask computed from its magnitudes when applied, as torch.ao.sparsity&apos;s FakeSparsity; the mask is a buffer left out of the state_dict.</source>
        <translation>Multipliziert das Gewicht mit einer festen 0/1-Maske, die beim Anwenden aus seinen Beträgen berechnet wird, wie FakeSparsity aus torch.ao.sparsity; die Maske ist ein Puffer, der nicht im state_dict steht.</translation>
    </message>
    <message>
        <source>unstructured: the smallest entries; nm: n of every m along the last dimension; block: whole blocks of smallest mean square; none: all ones</source>
        <translation>unstructured: die kleinsten Einträge; nm: n von je m entlang der letzten Dimension; block: ganze Blöcke mit kleinstem mittlerem Quadrat; none: alles Einsen</translation>
    </message>
    <message>
        <source>The fraction of entries (unstructured) or blocks (block) set to zero</source>
        <translation>Der Anteil der Einträge (unstructured) oder Blöcke (block), die auf null gesetzt werden</translation>
    </message>
    <message>
        <source>nm: how many entries of every m are kept</source>
        <translation>nm: wie viele Einträge von je m erhalten bleiben</translation>
    </message>
    <message>
        <source>nm: the group size along the last dimension</source>
        <translation>nm: die Gruppengröße entlang der letzten Dimension</translation>
    </message>
    <message>
        <source>block: rows x columns of a block, such as 1x4 or 4x4</source>
        <translation>block: Zeilen x Spalten eines Blocks, etwa 1x4 oder 4x4</translation>
    </message>
    <message>
        <source>%1 with an N:M mask needs the last dimension to be divisible by m=%2, got shape %3</source>
        <translation>%1 mit einer N:M-Maske benötigt eine durch m=%2 teilbare letzte Dimension, erhalten: Form %3</translation>
    </message>
    <message>
        <source>%1 with a block mask needs a matrix, got shape %2</source>
        <translation>%1 mit einer Blockmaske benötigt eine Matrix, erhalten: Form %2</translation>
    </message>
    <message>
        <source>must be at most m (%1), got %2</source>
        <translation>darf höchstens m (%1) sein, erhalten: %2</translation>
    </message>
    <message>
        <source>expected rows x columns of at least 1, such as 1x4 or 4x4, got &quot;%1&quot;</source>
        <translation>erwartet wurden Zeilen x Spalten von mindestens 1, etwa 1x4 oder 4x4, erhalten: „%1“</translation>
    </message>
</context>
<context>
    <name>SymmetricPlugin</name>
    <message>
        <source>Symmetric matrix</source>
        <translation>Symmetrische Matrix</translation>
    </message>
    <message>
        <source>Keeps a square matrix equal to its transpose: the upper triangle is learnt and mirrored.</source>
        <translation>Hält eine quadratische Matrix gleich ihrer Transponierten: Das obere Dreieck wird gelernt und gespiegelt.</translation>
    </message>
    <message>
        <source>Skew-symmetric matrix</source>
        <translation>Schiefsymmetrische Matrix</translation>
    </message>
    <message>
        <source>Keeps a square matrix equal to minus its transpose: the strict lower triangle is learnt and the diagonal is zero.</source>
        <translation>Hält eine quadratische Matrix gleich dem Negativen ihrer Transponierten: Das strikte untere Dreieck wird gelernt, die Diagonale ist null.</translation>
    </message>
</context>
<context>
    <name>Tracing</name>
    <message>
        <source>tracing needs example inputs, and the model has none</source>
        <translation>das Aufzeichnen benötigt Beispieleingaben, und das Modell hat keine</translation>
    </message>
    <message>
        <source>tracing %1 failed: %2</source>
        <translation>das Aufzeichnen von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>tracing failed: %1</source>
        <translation>das Aufzeichnen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
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
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Re-&amp;trace…</source>
        <translation>Erneut &amp;aufzeichnen…</translation>
    </message>
    <message>
        <source>Re-trace with the &amp;Same Inputs</source>
        <translation>Mit den &amp;gleichen Eingaben erneut aufzeichnen</translation>
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
        <translation>
            <numerusform>%n Methode neu aufgezeichnet.</numerusform>
            <numerusform>%n Methoden neu aufgezeichnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paratrace</source>
        <translation>Paratrace</translation>
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
    <message>
        <source>Re-traced %1 with the chosen inputs.</source>
        <translation>%1 wurde mit den gewählten Eingaben neu aufgezeichnet.</translation>
    </message>
    <message>
        <source>Could not save %1; the model stays open as it was.
%2</source>
        <translation>%1 konnte nicht gespeichert werden; das Modell bleibt unverändert geöffnet.
%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export Graph Image</source>
        <translation>Graph als Bild exportieren</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1[*] — Paratrace</source>
        <translation>%1[*] — Paratrace</translation>
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
    <name>paratrace::inspector::RetraceDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Re-trace</source>
        <translation>Erneut aufzeichnen</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Shape / type</source>
        <translation>Form / Typ</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Trace with</source>
        <translation>Aufzeichnen mit</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Aktueller Wert</translation>
    </message>
    <message>
        <source>Random normal</source>
        <translation>Zufällig normalverteilt</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>Nullen</translation>
    </message>
    <message>
        <source>Ones</source>
        <translation>Einsen</translation>
    </message>
    <message>
        <source>From a safetensors file</source>
        <translation>Aus einer safetensors-Datei</translation>
    </message>
    <message>
        <source>sizes separated by commas, such as 2, 8</source>
        <translation>durch Kommas getrennte Größen, etwa 2, 8</translation>
    </message>
    <message>
        <source>Trace with:</source>
        <translation>Aufzeichnen mit:</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Dtype:</source>
        <translation>Datentyp:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>Tensor:</translation>
    </message>
    <message>
        <source>Reset Inputs</source>
        <translation>Eingaben zurücksetzen</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Example Input</source>
        <translation>Beispieleingabe</translation>
    </message>
    <message>
        <source>Safetensors files (*.safetensors);;All files (*)</source>
        <translation>Safetensors-Dateien (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>current value</source>
        <translation>aktueller Wert</translation>
    </message>
    <message>
        <source>random normal [%1], seed %2</source>
        <translation>zufällig normalverteilt [%1], Seed %2</translation>
    </message>
    <message>
        <source>zeros [%1]</source>
        <translation>Nullen [%1]</translation>
    </message>
    <message>
        <source>ones [%1]</source>
        <translation>Einsen [%1]</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 aus %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Tracing %1 failed; the previous trace is kept.
%2</source>
        <translation>Das Aufzeichnen von %1 ist fehlgeschlagen; die bisherige Aufzeichnung bleibt erhalten.
%2</translation>
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
        <translation>
            <numerusform>Nach %n Eingabe abgebrochen.</numerusform>
            <numerusform>Nach %n Eingaben abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Passed: the trace matches on %n input(s).</source>
        <translation>
            <numerusform>Bestanden: Die Aufzeichnung stimmt bei %n Eingabe überein.</numerusform>
            <numerusform>Bestanden: Die Aufzeichnung stimmt bei %n Eingaben überein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: see the report below.</source>
        <translation>Fehlgeschlagen: siehe Bericht unten.</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n random input(s).</source>
        <translation>
            <numerusform>%n zufällige Eingabe geprüft.</numerusform>
            <numerusform>%n zufällige Eingaben geprüft.</numerusform>
        </translation>
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
