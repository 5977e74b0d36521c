<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChainStages</name>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
</context>
<context>
    <name>DocumentSaver</name>
    <message>
        <source>No model is open.</source>
        <translation>没有打开的模型。</translation>
    </message>
    <message>
        <source>A traced-module file has no example inputs to trace the edited module again, so its graph would no longer match the module. Undo the edits to save it.</source>
        <translation>追踪模块文件没有可用于重新追踪已编辑模块的示例输入，因此其计算图将不再与模块一致。请撤销编辑后再保存。</translation>
    </message>
    <message>
        <source>The edited model could not be traced, and a model built in memory is saved as a traced module.</source>
        <translation>无法追踪已编辑的模型，而在内存中构建的模型只能保存为追踪模块。</translation>
    </message>
    <message>
        <source>This model was built in memory without a trace: there is no file format to save it in.</source>
        <translation>此模型是在内存中构建的，没有追踪结果：没有可用于保存它的文件格式。</translation>
    </message>
    <message>
        <source>Paratrace model files (*.paratrace.json)</source>
        <translation>Paratrace 模型文件 (*.paratrace.json)</translation>
    </message>
    <message>
        <source>Traced-module files (*.safetensors)</source>
        <translation>追踪模块文件 (*.safetensors)</translation>
    </message>
    <message>
        <source>IR text (*.ir *.txt)</source>
        <translation>IR 文本 (*.ir *.txt)</translation>
    </message>
</context>
<context>
    <name>ExampleInputs</name>
    <message>
        <source>unknown dtype &quot;%1&quot; (known: float32, float64, int64, uint8, bool)</source>
        <translation>未知的 dtype“%1”（已知：float32、float64、int64、uint8、bool）</translation>
    </message>
    <message>
        <source>a size must not be negative, got %1</source>
        <translation>尺寸不能为负数，实际为 %1</translation>
    </message>
    <message>
        <source>init &quot;%1&quot; needs a floating-point dtype</source>
        <translation>init“%1”需要浮点 dtype</translation>
    </message>
    <message>
        <source>unknown init &quot;%1&quot; (known: randn, rand, zeros, ones)</source>
        <translation>未知的 init“%1”（已知：randn、rand、zeros、ones）</translation>
    </message>
    <message>
        <source>%1 holds no tensor named &quot;%2&quot;</source>
        <translation>%1 中没有名为“%2”的张量</translation>
    </message>
    <message>
        <source>expected a tensor ({&quot;shape&quot;: ...} or {&quot;file&quot;: ..., &quot;name&quot;: ...}), an array (a tuple), or {&quot;tuple&quot;|&quot;list&quot;|&quot;dict&quot;: ...}</source>
        <translation>应为张量（{&quot;shape&quot;: ...} 或 {&quot;file&quot;: ..., &quot;name&quot;: ...}）、数组（元组）或 {&quot;tuple&quot;|&quot;list&quot;|&quot;dict&quot;: ...}</translation>
    </message>
    <message>
        <source>a model file holds tensors and tuples, lists and dicts of them, not %1</source>
        <translation>模型文件只能保存张量及其元组、列表和字典，不能保存 %1</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>there is no graph to export</source>
        <translation>没有可导出的计算图</translation>
    </message>
    <message>
        <source>Trace graph</source>
        <translation>追踪计算图</translation>
    </message>
    <message>
        <source>the PNG encoder failed</source>
        <translation>PNG 编码失败</translation>
    </message>
    <message>
        <source>unknown image format &apos;%1&apos; (use svg, png or pdf)</source>
        <translation>未知的图像格式“%1”（请使用 svg、png 或 pdf）</translation>
    </message>
    <message>
        <source>Drawing the graph…</source>
        <translation>正在绘制计算图…</translation>
    </message>
    <message>
        <source>Encoding the PNG…</source>
        <translation>正在编码 PNG…</translation>
    </message>
</context>
<context>
    <name>JsonNode</name>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>应为数组，实际为 %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>应为数字，实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
</context>
<context>
    <name>LowRankPlugin</name>
    <message>
        <source>Low rank</source>
        <translation>低秩</translation>
    </message>
    <message>
        <source>Keeps the rank of a matrix at most r by learning it as A B, with A (n x r) as original0 and B (r x m) as original1; applying it keeps the best rank-r approximation (truncated SVD).</source>
        <translation>通过将矩阵学习为 A B（A (n x r) 为 original0，B (r x m) 为 original1），使其秩不超过 r；应用时保留最佳的秩 r 近似（截断 SVD）。</translation>
    </message>
    <message>
        <source>The largest rank r the matrix may have</source>
        <translation>矩阵允许的最大秩 r</translation>
    </message>
    <message>
        <source>%1: rank %2 is larger than min(n, m) = %3 for shape %4</source>
        <translation>%1：对于形状 %4，秩 %2 大于 min(n, m) = %3</translation>
    </message>
    <message>
        <source>Rank one</source>
        <translation>秩 1</translation>
    </message>
    <message>
        <source>The outer product a b^T of two learnt vectors, as RankOne of PyTorch&apos;s parametrize tests (LowRank with rank 1).</source>
        <translation>两个可学习向量的外积 a b^T，与 PyTorch parametrize 测试中的 RankOne 相同（秩为 1 的 LowRank）。</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>偏移 %1 处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>the buffer %1 does not match the file&apos;s tensor in shape or dtype</source>
        <translation>缓冲区 %1 的形状或 dtype 与文件中的张量不一致</translation>
    </message>
    <message>
        <source>%1 has no parameter or buffer &quot;%2&quot;</source>
        <translation>%1 没有参数或缓冲区“%2”</translation>
    </message>
    <message>
        <source>no loaded plugin provides the parametrization &quot;%1&quot; (available: %2)</source>
        <translation>没有已加载的插件提供参数化“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>expected &quot;paratrace-model&quot;, got &quot;%1&quot;</source>
        <translation>应为“paratrace-model”，实际为“%1”</translation>
    </message>
    <message>
        <source>unsupported version %1 (this Paratrace reads version %2)</source>
        <translation>不支持的版本 %1（此 Paratrace 读取版本 %2）</translation>
    </message>
    <message>
        <source>the model has no method &quot;%1&quot;</source>
        <translation>模型没有方法“%1”</translation>
    </message>
</context>
<context>
    <name>ModelFileLoader</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1：无法打开文件：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ModelFileText</name>
    <message>
        <source>methods need a Sequential root module, got %1</source>
        <translation>方法需要 Sequential 根模块，实际为 %1</translation>
    </message>
    <message>
        <source>forward is the root module&apos;s own method</source>
        <translation>forward 是根模块自身的方法</translation>
    </message>
</context>
<context>
    <name>ModelSaver</name>
    <message>
        <source>cannot write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>ModuleFactory</name>
    <message>
        <source>inplace=true is not supported: layers return a new tensor</source>
        <translation>不支持 inplace=true：各层返回新的张量</translation>
    </message>
    <message>
        <source>expected a floating-point dtype (&quot;float32&quot; or &quot;float64&quot;), got &quot;%1&quot;</source>
        <translation>应为浮点 dtype（“float32”或“float64”），实际为“%1”</translation>
    </message>
    <message>
        <source>padding must be an integer or a pair: &apos;same&apos; and &apos;valid&apos; are not supported</source>
        <translation>padding 必须是整数或二元组：不支持 &apos;same&apos; 和 &apos;valid&apos;</translation>
    </message>
    <message>
        <source>only padding_mode &quot;zeros&quot; is supported</source>
        <translation>仅支持 padding_mode“zeros”</translation>
    </message>
    <message>
        <source>approximate must be &quot;none&quot; or &quot;tanh&quot;, got &quot;%1&quot;</source>
        <translation>approximate 必须为“none”或“tanh”，实际为“%1”</translation>
    </message>
    <message>
        <source>return_indices=true is not supported</source>
        <translation>不支持 return_indices=true</translation>
    </message>
    <message>
        <source>divisor_override is not supported</source>
        <translation>不支持 divisor_override</translation>
    </message>
    <message>
        <source>nonlinearity must be &quot;tanh&quot; or &quot;relu&quot;, got &quot;%1&quot;</source>
        <translation>nonlinearity 必须为“tanh”或“relu”，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>ModuleFactoryText</name>
    <message>
        <source>expected an integer or a list of 2 integers, got %1 values</source>
        <translation>应为一个整数或包含 2 个整数的列表，实际为 %1 个值</translation>
    </message>
    <message>
        <source>ModuleList children are numbered 0, 1, ...; got &quot;%1&quot;</source>
        <translation>ModuleList 的子模块按 0, 1, ... 编号；实际为“%1”</translation>
    </message>
    <message>
        <source>the cell must be an RNNCell, GRUCell or LSTMCell, got %1</source>
        <translation>单元必须是 RNNCell、GRUCell 或 LSTMCell，实际为 %1</translation>
    </message>
    <message>
        <source>unknown module type &quot;%1&quot; (known: %2)</source>
        <translation>未知的模块类型“%1”（已知：%2）</translation>
    </message>
</context>
<context>
    <name>NodeProperties</name>
    <message>
        <source>operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <source>graph input</source>
        <translation>图输入</translation>
    </message>
    <message>
        <source>parameter or buffer</source>
        <translation>参数或缓冲区</translation>
    </message>
    <message>
        <source>graph output</source>
        <translation>图输出</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>list or tuple</source>
        <translation>列表或元组</translation>
    </message>
    <message>
        <source>collapsed module</source>
        <translation>已折叠的模块</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运算数</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>作用域</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>NormsPlugin</name>
    <message>
        <source>Spectral normalization</source>
        <translation>谱归一化</translation>
    </message>
    <message>
        <source>Divides the weight by its largest singular value, estimated by power iteration (buffers _u, _v; updated in training mode only), as torch.nn.utils.parametrizations.spectral_norm.</source>
        <translation>将权重除以其最大奇异值（通过幂迭代估计；缓冲区 _u、_v 仅在训练模式下更新），与 torch.nn.utils.parametrizations.spectral_norm 相同。</translation>
    </message>
    <message>
        <source>Power iterations per evaluation in training mode</source>
        <translation>训练模式下每次求值的幂迭代次数</translation>
    </message>
    <message>
        <source>Added to norms when normalizing, for numerical stability</source>
        <translation>归一化时加到范数上，以保证数值稳定性</translation>
    </message>
    <message>
        <source>The output dimension (negative counts from the end); unset: 1 for ConvTranspose modules, 0 otherwise, as PyTorch does</source>
        <translation>输出维度（负数表示从末尾计数）；未设置时：ConvTranspose 模块为 1，其他为 0，与 PyTorch 一致</translation>
    </message>
    <message>
        <source>Weight normalization</source>
        <translation>权重归一化</translation>
    </message>
    <message>
        <source>Splits the weight into a magnitude g (original0) and a direction v (original1), weight = g v / ||v||, as torch.nn.utils.parametrizations.weight_norm (PyTorch 2).</source>
        <translation>将权重拆分为幅值 g（original0）和方向 v（original1），weight = g v / ||v||，与 torch.nn.utils.parametrizations.weight_norm（PyTorch 2）相同。</translation>
    </message>
    <message>
        <source>The dimension kept by the norm (one g per slice); -1 normalizes the whole tensor (PyTorch&apos;s dim=None)</source>
        <translation>范数保留的维度（每个切片一个 g）；-1 表示对整个张量归一化（即 PyTorch 的 dim=None）</translation>
    </message>
</context>
<context>
    <name>ObjectReader</name>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>缺少必需的键“%1”</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (accepted here: %2)</source>
        <translation>未知的键“%1”（此处可用：%2）</translation>
    </message>
</context>
<context>
    <name>OptionValues</name>
    <message>
        <source>a value of type %1</source>
        <translation>类型为 %1 的值</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>expected a finite number, got %1</source>
        <translation>应为有限数值，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>must be at least %1, got %2</source>
        <translation>必须至少为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>must be at most %1, got %2</source>
        <translation>必须至多为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>expected one of %1, got %2</source>
        <translation>应为 %1 之一，实际为 %2</translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation>应为文本，实际为 %1</translation>
    </message>
    <message>
        <source>there is no such option (this parametrization has none)</source>
        <translation>没有该选项（此参数化没有任何选项）</translation>
    </message>
    <message>
        <source>there is no such option (the options are %1)</source>
        <translation>没有该选项（可用选项为 %1）</translation>
    </message>
</context>
<context>
    <name>OrthogonalPlugin</name>
    <message>
        <source>Orthogonal matrix</source>
        <translation>正交矩阵</translation>
    </message>
    <message>
        <source>Keeps a matrix (or a batch of them) with orthonormal columns, or rows if it is wide, as torch.nn.utils.parametrizations.orthogonal.</source>
        <translation>使矩阵（或一批矩阵）的列保持标准正交（宽矩阵则为行），与 torch.nn.utils.parametrizations.orthogonal 相同。</translation>
    </message>
    <message>
        <source>How an unconstrained matrix becomes orthogonal; auto picks matrix_exp for square matrices and householder otherwise, as PyTorch does</source>
        <translation>将无约束矩阵变为正交矩阵的方法；auto 对方阵选择 matrix_exp，其他情况选择 householder，与 PyTorch 一致</translation>
    </message>
    <message>
        <source>Learn on top of a base orthogonal matrix set by assignment (dynamic trivialization), so an assigned matrix is kept exactly</source>
        <translation>在通过赋值设定的正交基矩阵之上学习（动态平凡化），从而精确保留所赋的矩阵</translation>
    </message>
    <message>
        <source>Cayley map</source>
        <translation>Cayley 变换</translation>
    </message>
    <message>
        <source>Maps a square matrix X to (I + X)^-1 (I - X), orthogonal when X is skew-symmetric: put it after Skew, as the Orthogonal of PyTorch&apos;s parametrize tests.</source>
        <translation>将方阵 X 映射为 (I + X)^-1 (I - X)，当 X 为反对称矩阵时结果正交：请放在 Skew 之后，与 PyTorch parametrize 测试中的 Orthogonal 相同。</translation>
    </message>
</context>
<context>
    <name>ParametrizationPlugin</name>
    <message>
        <source>%1 needs a floating-point tensor, got %2</source>
        <translation>%1 需要浮点张量，实际为 %2</translation>
    </message>
    <message>
        <source>%1 needs at least one dimension, got shape %2</source>
        <translation>%1 至少需要一个维度，实际形状为 %2</translation>
    </message>
    <message>
        <source>%1 needs a matrix, got shape %2</source>
        <translation>%1 需要矩阵，实际形状为 %2</translation>
    </message>
    <message>
        <source>%1 needs a square matrix (or a batch of them), got shape %2</source>
        <translation>%1 需要方阵（或一批方阵），实际形状为 %2</translation>
    </message>
</context>
<context>
    <name>PluginManager</name>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not a Qt plugin (it has no plugin metadata)</source>
        <translation>不是 Qt 插件（没有插件元数据）</translation>
    </message>
    <message>
        <source>provides the parametrization &quot;%1&quot;, already provided by %2</source>
        <translation>提供的参数化“%1”已由 %2 提供</translation>
    </message>
    <message>
        <source>creating the plugin object</source>
        <translation>创建插件对象</translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>its root object does not implement ParametrizationPlugin</source>
        <translation>其根对象未实现 ParametrizationPlugin</translation>
    </message>
    <message>
        <source>listing its parametrizations</source>
        <translation>列出其参数化</translation>
    </message>
    <message>
        <source>its metadata lists the parametrizations %1 but its code provides %2</source>
        <translation>其元数据列出的参数化为 %1，但其代码提供的是 %2</translation>
    </message>
    <message>
        <source>building &quot;%1&quot; with its default options</source>
        <translation>使用默认选项构建“%1”</translation>
    </message>
    <message>
        <source>%1 gave no parametrization</source>
        <translation>%1时未得到参数化</translation>
    </message>
    <message>
        <source>%1 threw: %2</source>
        <translation>%1时抛出异常：%2</translation>
    </message>
    <message>
        <source>%1 threw something that is not a std::exception</source>
        <translation>%1时抛出了非 std::exception 的对象</translation>
    </message>
    <message>
        <source>no loaded plugin provides the parametrization &quot;%1&quot;</source>
        <translation>没有已加载的插件提供参数化“%1”</translation>
    </message>
    <message>
        <source>%1 (from %2) could not be built: %3</source>
        <translation>无法构建 %1（来自 %2）：%3</translation>
    </message>
    <message>
        <source>it threw something that is not a std::exception</source>
        <translation>抛出了非 std::exception 的对象</translation>
    </message>
    <message>
        <source>the plugin returned no parametrization</source>
        <translation>插件未返回参数化</translation>
    </message>
</context>
<context>
    <name>PluginMetadata</name>
    <message>
        <source>built for plugin API %1, this Paratrace loads API %2 (IID %3)</source>
        <translation>为插件 API %1 构建，而此 Paratrace 加载 API %2（IID %3）</translation>
    </message>
    <message>
        <source>not a Paratrace parametrization plugin: its IID is &quot;%1&quot;, expected &quot;%2&quot;</source>
        <translation>不是 Paratrace 参数化插件：其 IID 为“%1”，应为“%2”</translation>
    </message>
    <message>
        <source>its metadata JSON lacks %1 (see docs/plugins.md)</source>
        <translation>其元数据 JSON 缺少 %1（参见 docs/plugins.md）</translation>
    </message>
    <message>
        <source>built for plugin API %1 (metadata apiVersion), this Paratrace loads API %2</source>
        <translation>为插件 API %1 构建（元数据 apiVersion），而此 Paratrace 加载 API %2</translation>
    </message>
    <message>
        <source>its metadata lists a parametrization without a name</source>
        <translation>其元数据列出了一个没有名称的参数化</translation>
    </message>
    <message>
        <source>its metadata lists the parametrization &quot;%1&quot; twice</source>
        <translation>其元数据两次列出了参数化“%1”</translation>
    </message>
</context>
<context>
    <name>PropertyMeasures</name>
    <message>
        <source>non-zeros outside the mask</source>
        <translation>掩码之外的非零元素</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Module %1 (double-click to collapse)</source>
        <translation>模块 %1（双击折叠）</translation>
    </message>
</context>
<context>
    <name>RetraceInputs</name>
    <message>
        <source>the shape must be sizes separated by commas, such as &quot;2, 8&quot;; got &quot;%1&quot;</source>
        <translation>形状必须是以逗号分隔的尺寸，例如“2, 8”；实际为“%1”</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <source>choose a safetensors file</source>
        <translation>请选择一个 safetensors 文件</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
</context>
<context>
    <name>SelectionProperties</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数个数</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练模式</translation>
    </message>
    <message>
        <source>Repr</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Parametrized tensor</source>
        <translation>参数化张量</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>链</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>原始张量</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>不安全</translation>
    </message>
    <message>
        <source>Nested</source>
        <translation>嵌套</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>Requires grad</source>
        <translation>需要梯度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None（空）</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>持久</translation>
    </message>
</context>
<context>
    <name>SparsityPlugin</name>
    <message>
        <source>Sparsity mask</source>
        <translation>稀疏掩码</translation>
    </message>
    <message>
        <source>Multiplies the weight by a fixed 0/1 mask computed from its magnitudes when applied, as torch.ao.sparsity&apos;s FakeSparsity; the mask is a buffer left out of the state_dict.</source>
        <translation>将权重乘以一个固定的 0/1 掩码，该掩码在应用时根据权重的幅值计算，与 torch.ao.sparsity 的 FakeSparsity 相同；掩码是不包含在 state_dict 中的缓冲区。</translation>
    </message>
    <message>
        <source>unstructured: the smallest entries; nm: n of every m along the last dimension; block: whole blocks of smallest mean square; none: all ones</source>
        <translation>unstructured：最小的元素；nm：沿最后一维每 m 个中取 n 个；block：均方值最小的整块；none：全为 1</translation>
    </message>
    <message>
        <source>The fraction of entries (unstructured) or blocks (block) set to zero</source>
        <translation>置零的元素（unstructured）或块（block）所占比例</translation>
    </message>
    <message>
        <source>nm: how many entries of every m are kept</source>
        <translation>nm：每 m 个元素中保留的个数</translation>
    </message>
    <message>
        <source>nm: the group size along the last dimension</source>
        <translation>nm：沿最后一维的分组大小</translation>
    </message>
    <message>
        <source>block: rows x columns of a block, such as 1x4 or 4x4</source>
        <translation>block：块的行数 x 列数，例如 1x4 或 4x4</translation>
    </message>
    <message>
        <source>%1 with an N:M mask needs the last dimension to be divisible by m=%2, got shape %3</source>
        <translation>使用 N:M 掩码的 %1 要求最后一维能被 m=%2 整除，实际形状为 %3</translation>
    </message>
    <message>
        <source>%1 with a block mask needs a matrix, got shape %2</source>
        <translation>使用块掩码的 %1 需要矩阵，实际形状为 %2</translation>
    </message>
    <message>
        <source>must be at most m (%1), got %2</source>
        <translation>必须至多为 m（%1），实际为 %2</translation>
    </message>
    <message>
        <source>expected rows x columns of at least 1, such as 1x4 or 4x4, got &quot;%1&quot;</source>
        <translation>应为至少为 1 的行数 x 列数，例如 1x4 或 4x4，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>SymmetricPlugin</name>
    <message>
        <source>Symmetric matrix</source>
        <translation>对称矩阵</translation>
    </message>
    <message>
        <source>Keeps a square matrix equal to its transpose: the upper triangle is learnt and mirrored.</source>
        <translation>使方阵等于其转置：学习上三角部分并镜像。</translation>
    </message>
    <message>
        <source>Skew-symmetric matrix</source>
        <translation>反对称矩阵</translation>
    </message>
    <message>
        <source>Keeps a square matrix equal to minus its transpose: the strict lower triangle is learnt and the diagonal is zero.</source>
        <translation>使方阵等于其转置的相反数：学习严格下三角部分，对角线为零。</translation>
    </message>
</context>
<context>
    <name>Tracing</name>
    <message>
        <source>tracing needs example inputs, and the model has none</source>
        <translation>追踪需要示例输入，而该模型没有</translation>
    </message>
    <message>
        <source>tracing %1 failed: %2</source>
        <translation>追踪 %1 失败：%2</translation>
    </message>
    <message>
        <source>tracing failed: %1</source>
        <translation>追踪失败：%1</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect parametrizations and traced graphs.</source>
        <translation>检查参数化和追踪得到的计算图。</translation>
    </message>
    <message>
        <source>A model, traced-module or IR text file to open (default: a bundled example).</source>
        <translation>要打开的模型、追踪模块或 IR 文本文件（默认：一个内置示例）。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::AddParametrizationDialog</name>
    <message>
        <source>Unsafe (skip the shape and dtype checks)</source>
        <translation>不安全（跳过形状和数据类型检查）</translation>
    </message>
    <message>
        <source>Add Parametrization to %1</source>
        <translation>为 %1 添加参数化</translation>
    </message>
    <message>
        <source>Tensor %1: shape %2, %3</source>
        <translation>张量 %1：形状 %2，%3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No parametrization plugins are loaded (see Model ▸ Plugins…).</source>
        <translation>未加载任何参数化插件（参见 模型 ▸ 插件…）。</translation>
    </message>
    <message>
        <source>Choose a parametrization.</source>
        <translation>请选择一种参数化。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ChainView</name>
    <message>
        <source>Original: %1</source>
        <translation>原始：%1</translation>
    </message>
    <message>
        <source>%1 → effective %2</source>
        <translation>%1 → 生效的 %2</translation>
    </message>
    <message>
        <source>shape %1 · %2 · %3 elements</source>
        <translation>形状 %1 · %2 · %3 个元素</translation>
    </message>
    <message>
        <source>own tensors: %1</source>
        <translation>自有张量：%1</translation>
    </message>
    <message>
        <source>min %1 · max %2 · mean %3 · norm %4 · sparsity %5%</source>
        <translation>最小 %1 · 最大 %2 · 均值 %3 · 范数 %4 · 稀疏度 %5%</translation>
    </message>
    <message>
        <source>  ✓ holds</source>
        <translation>  ✓ 成立</translation>
    </message>
    <message>
        <source>  ✗ does not hold</source>
        <translation>  ✗ 不成立</translation>
    </message>
    <message>
        <source>The chain could not be evaluated: %1</source>
        <translation>无法计算该链：%1</translation>
    </message>
    <message>
        <source>Select a parameter, buffer or parametrized tensor in the Modules dock.</source>
        <translation>请在“模块”面板中选择一个参数、缓冲区或参数化张量。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ExportDialog</name>
    <message>
        <source>Whole graph</source>
        <translation>整个图</translation>
    </message>
    <message>
        <source>Visible area</source>
        <translation>可见区域</translation>
    </message>
    <message>
        <source>Export Graph Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Resolution (PNG, DPI):</source>
        <translation>分辨率（PNG，DPI）：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::GraphPanel</name>
    <message>
        <source>The graph could not be laid out:
%1</source>
        <translation>无法布局该图：
%1</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Find nodes by kind, name or scope</source>
        <translation>按种类、名称或作用域查找节点</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>正在布局计算图…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Graph layout is not available in this build.</source>
        <translation>此版本不支持图布局。</translation>
    </message>
    <message>
        <source>Open a model (File ▸ Open) or drop a file here to see its traced graph.</source>
        <translation>打开一个模型（文件 ▸ 打开）或将文件拖放到此处，以查看其追踪得到的计算图。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Export Graph Image…</source>
        <translation>导出图像(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;IR Text…</source>
        <translation>导出 IR 文本(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add Parametrization…</source>
        <translation>添加参数化(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove Parametrizations…</source>
        <translation>移除参数化(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check Trace</source>
        <translation>检查追踪(&amp;C)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find Node…</source>
        <translation>查找节点(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>插件(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Paratrace</source>
        <translation>关于 Paratrace(&amp;A)</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>打开示例(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Re-&amp;trace…</source>
        <translation>重新追踪(&amp;T)…</translation>
    </message>
    <message>
        <source>Re-trace with the &amp;Same Inputs</source>
        <translation>使用相同输入重新追踪(&amp;S)</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::MainWindow</name>
    <message>
        <source>Re-tracing failed: %1</source>
        <translation>重新追踪失败：%1</translation>
    </message>
    <message>
        <source>Graph layout failed: %1</source>
        <translation>图布局失败：%1</translation>
    </message>
    <message>
        <source>About Paratrace</source>
        <translation>关于 Paratrace</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Paratrace %1&lt;/h3&gt;&lt;p&gt;An inspector for PyTorch-style parametrizations and traced graphs, built on the Paratrace C++ library.&lt;/p&gt;&lt;p&gt;Qt %2 · Graphviz layout&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Paratrace %1&lt;/h3&gt;&lt;p&gt;一个用于检查 PyTorch 风格参数化和追踪计算图的工具，基于 Paratrace C++ 库构建。&lt;/p&gt;&lt;p&gt;Qt %2 · Graphviz 布局&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Could not open the file; the previous model stays open.
%1</source>
        <translation>无法打开该文件；之前的模型保持打开。
%1</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Paratrace files (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;All files (*)</source>
        <translation>Paratrace 文件 (*.paratrace.json *.json *.safetensors *.pt *.ir *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Select a parameter, buffer or parametrized tensor first.</source>
        <translation>请先选择一个参数、缓冲区或参数化张量。</translation>
    </message>
    <message>
        <source>%1 is None.</source>
        <translation>%1 为 None。</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>为 %2 添加 %1</translation>
    </message>
    <message>
        <source>Select a parametrized tensor first.</source>
        <translation>请先选择一个参数化张量。</translation>
    </message>
    <message>
        <source>Remove parametrizations of %1</source>
        <translation>移除 %1 的参数化</translation>
    </message>
    <message>
        <source>Remove Parametrizations</source>
        <translation>移除参数化</translation>
    </message>
    <message>
        <source>Remove every parametrization of %1?</source>
        <translation>移除 %1 的所有参数化？</translation>
    </message>
    <message>
        <source>Keep the current (parametrized) value (leave_parametrized)</source>
        <translation>保留当前（参数化后的）值（leave_parametrized）</translation>
    </message>
    <message>
        <source>This model has no example inputs to trace with.</source>
        <translation>此模型没有可用于追踪的示例输入。</translation>
    </message>
    <message>
        <source>Tracing failed; the previous trace is kept.
%1</source>
        <translation>追踪失败；保留之前的追踪结果。
%1</translation>
    </message>
    <message numerus="yes">
        <source>Re-traced %n method(s).</source>
        <translation>
            <numerusform>已重新追踪 %n 个方法。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paratrace</source>
        <translation>Paratrace</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Parametrization Chain</source>
        <translation>参数化链</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>IR</source>
        <translation>IR</translation>
    </message>
    <message>
        <source>Trace Check</source>
        <translation>追踪检查</translation>
    </message>
    <message>
        <source>Export IR Text</source>
        <translation>导出 IR 文本</translation>
    </message>
    <message>
        <source>IR text (*.ir *.txt)</source>
        <translation>IR 文本 (*.ir *.txt)</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The model opened, but tracing it failed:
%1</source>
        <translation>模型已打开，但追踪失败：
%1</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Re-traced %1 with the chosen inputs.</source>
        <translation>已使用所选输入重新追踪 %1。</translation>
    </message>
    <message>
        <source>Could not save %1; the model stays open as it was.
%2</source>
        <translation>无法保存 %1；模型保持原样打开。
%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export Graph Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
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
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ModuleTreeModel</name>
    <message>
        <source>Parametrized: %1</source>
        <translation>参数化：%1</translation>
    </message>
    <message>
        <source>Computed by %1 from %2</source>
        <translation>由 %1 根据 %2 计算</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Buffer (non-persistent)</source>
        <translation>缓冲区（非持久）</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::ModulesPanel</name>
    <message>
        <source>Filter modules and tensors</source>
        <translation>筛选模块和张量</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::OptionForm</name>
    <message>
        <source>unset</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>This parametrization has no options.</source>
        <translation>此参数化没有选项。</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PluginsDialog</name>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Loaded (%1)</source>
        <translation>已加载（%1）</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Parametrizations</source>
        <translation>参数化</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Load errors (%1)</source>
        <translation>加载错误（%1）</translation>
    </message>
    <message>
        <source>Searched: %1</source>
        <translation>已搜索：%1</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Default export format:</source>
        <translation>默认导出格式：</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::RetraceDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Re-trace</source>
        <translation>重新追踪</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Shape / type</source>
        <translation>形状 / 类型</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Trace with</source>
        <translation>追踪时使用</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Random normal</source>
        <translation>随机正态分布</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Ones</source>
        <translation>全一</translation>
    </message>
    <message>
        <source>From a safetensors file</source>
        <translation>来自 safetensors 文件</translation>
    </message>
    <message>
        <source>sizes separated by commas, such as 2, 8</source>
        <translation>以逗号分隔的尺寸，例如 2, 8</translation>
    </message>
    <message>
        <source>Trace with:</source>
        <translation>追踪时使用：</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>形状：</translation>
    </message>
    <message>
        <source>Dtype:</source>
        <translation>数据类型：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>张量：</translation>
    </message>
    <message>
        <source>Reset Inputs</source>
        <translation>重置输入</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Example Input</source>
        <translation>示例输入</translation>
    </message>
    <message>
        <source>Safetensors files (*.safetensors);;All files (*)</source>
        <translation>Safetensors 文件 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>random normal [%1], seed %2</source>
        <translation>随机正态分布 [%1]，种子 %2</translation>
    </message>
    <message>
        <source>zeros [%1]</source>
        <translation>全零 [%1]</translation>
    </message>
    <message>
        <source>ones [%1]</source>
        <translation>全一 [%1]</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1（来自 %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Tracing %1 failed; the previous trace is kept.
%2</source>
        <translation>追踪 %1 失败；保留之前的追踪结果。
%2</translation>
    </message>
</context>
<context>
    <name>paratrace::inspector::TraceCheckPanel</name>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n input(s).</source>
        <translation>
            <numerusform>检查 %n 个输入后已取消。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Passed: the trace matches on %n input(s).</source>
        <translation>
            <numerusform>通过：追踪在 %n 个输入上一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: see the report below.</source>
        <translation>失败：请查看下方报告。</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n random input(s).</source>
        <translation>
            <numerusform>已检查 %n 个随机输入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Error while checking:</source>
        <translation>检查时出错：</translation>
    </message>
    <message>
        <source>Graphs differed across invocations:</source>
        <translation>多次调用之间的计算图不同：</translation>
    </message>
    <message>
        <source>Constants that differ between traces:</source>
        <translation>追踪之间不同的常量：</translation>
    </message>
    <message>
        <source>Output mismatches (warnings):</source>
        <translation>输出不匹配（警告）：</translation>
    </message>
    <message>
        <source>Nondeterministic nodes:</source>
        <translation>非确定性节点：</translation>
    </message>
    <message>
        <source>Tracer warnings:</source>
        <translation>追踪器警告：</translation>
    </message>
    <message>
        <source>No graph differences, no output mismatches, no warnings.</source>
        <translation>计算图无差异，输出无不匹配，无警告。</translation>
    </message>
    <message>
        <source>Check inputs:</source>
        <translation>检查输入数：</translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation>容差：</translation>
    </message>
    <message>
        <source>Run Check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a model with example inputs to check its trace.</source>
        <translation>打开一个带示例输入的模型以检查其追踪。</translation>
    </message>
</context>
</TS>
