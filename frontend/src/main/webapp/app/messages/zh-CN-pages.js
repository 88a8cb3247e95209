// 简体中文：各页面自己的文字（章节介绍、首页、嵌入指南、引擎检查），按键。
export default {
  'index.intro': '在浏览器里实时搭建并训练小型神经网络，按照一门经典的 PyTorch 入门课程逐章学习，'
    + '每个数字都与真正的 PyTorch 一致。',
  'index.embed': '用于教学？<a href="embed.html">把任意一章嵌入你自己的课程网页</a>，任何网站都可以。',
  'index.check': '训练引擎在你的浏览器中运行：<a href="check/engine-check.html">检查浏览器的两个引擎（WebAssembly 和 '
    + 'JavaScript）与服务器的计算结果完全相同</a>。',
  'intro.regression': '<p>神经网络可以从带噪声的点中学出一条曲线。这里的点满足 <code>y = x² + noise</code>，'
    + 'x 在 −1 到 1 之间取 100 个值；网络是 <code>Linear(1, 10) → ReLU → Linear(10, 1)</code>，也就是十条折线相加。'
    + '每次更新都把所有的点送进网络，用均方误差（MSE）衡量预测与目标的差距，再让每个参数沿梯度的反方向走一小步（SGD）。</p>'
    + '<p>看着损失下降，红色曲线一点点弯向这些点。试试调大学习率，看它冲过头；或者加宽隐藏层，看它拟合得更快。</p>',
  'intro.classification': '<p>两团点，一团在 (2, 2) 附近，一团在 (−2, −2) 附近，各是一个类别。网络 '
    + '<code>Linear(2, 10) → ReLU → Linear(10, 2)</code> 为每个点给出两个分数；softmax 把它们变成概率，'
    + '交叉熵衡量这些概率错得有多离谱。背景的颜色就是网络的判断：蓝色处它认为是类别 0，橙色处认为是类别 1。</p>'
    + '<p>把分散程度调大，让两团点互相重叠，看准确率停在 100 % 之前。</p>',
  'intro.saveload': '<p>先训练回归网络（这次用 <code>Sequential</code>，学习率 0.5，更新 100 次），然后把它保存下来。'
    + '<strong>整个网络</strong>（checkpoint）包含一切：结构和参数，不需要任何别的东西就能提取——就像 '
    + '<code>torch.save(net, ...)</code>。<strong>参数字典</strong>（state dict）只按名字保存参数（<code>0.weight</code>、'
    + '<code>0.bias</code>……）——就像 <code>torch.save(net.state_dict(), ...)</code>：文件更小，但提取前必须先搭好一个'
    + '形状相同的网络。把任一文件提取回来，比较一下。</p>',
  'intro.race': '<p>四个优化器训练同一个网络（<code>Linear(1, 20) → ReLU → Linear(20, 1)</code>）的四份拷贝：'
    + '初始参数相同，小批量也相同（从 1,000 个带噪声的点中每批取 32 个）。它们是普通 SGD、动量为 0.8 的 SGD、'
    + 'RMSprop（α 0.9）和 Adam（β 0.9, 0.99），学习率都是 0.01。只有更新规则不同，所以曲线比较的正是规则本身。'
    + '普通 SGD 走得慢；动量越走越快；RMSprop 和 Adam 按每个参数最近的梯度调整步长，几个 epoch 就降到噪声的水平。</p>'
    + '<p>下面每条赛道列出其优化器的全部设置，从 PyTorch 的默认值开始（课程的改动已经填好）。改动任何一项，'
    + '比赛就从同样的参数重新开始；勾选别的优化器（Adagrad、AdamW、NAdam、RAdam、Adamax、Adadelta、Rprop）'
    + '就能让它加入比赛。地址栏里的链接会记住你的赛道。</p>',
  'intro.playground': '<p>每一样都由你来选：数据集、隐藏层（宽度写成 <code>16-16</code> 这样）、激励函数、'
    + '优化器和学习率、批大小（0 表示一次用全部数据）以及随机种子。地址栏里的链接始终描述的正是这一次训练。</p>',
  'intro.nets': '<p>回归网络有两种写法。一种是<strong>自定义模块</strong>：一个类 <code>Net</code>，构造函数里创建两个 '
    + '<code>Linear</code> 层 <code>hidden</code> 和 <code>predict</code>，<code>forward</code> 说明它们之间发生什么'
    + '（一个 ReLU）。另一种是 <strong><code>Sequential</code></strong>：一串依次执行的层，ReLU 也是其中一层。</p>'
    + '<p>参数相同时，两者算出的结果完全一样，下面的输出可以证明。但打印出来不一样：Sequential 列出了 ReLU，因为它是'
    + '其中的一层；而自定义的 Net 在 <code>forward</code> 里调用 ReLU，打印不出来。这正是自定义写法的长处：'
    + '<code>forward</code> 里可以做任何事——跳跃连接、循环、多个输入——这些都是一串直线排列的层做不到的。</p>',
  'intro.descent': '<p>最小的模型：<code>y = w·x</code>，拟合三个点 (1, 2)、(2, 4)、(3, 6)，从 w = 1 开始。'
    + '最好的 w 是 2。代价是 (w·x − y)² 的平均值，它对 w 的斜率告诉我们该往哪边走。</p>'
    + '<p><strong>批量梯度下降</strong>把三个点的斜率取平均，每个 epoch 走一步。<strong>随机梯度下降</strong>每看一个点就走一步：'
    + '每个 epoch 三步，更抖。<strong>小批量梯度下降</strong>介于两者之间，每看一组点走一步。切换横轴会发现，'
    + '更新次数多并不等于数据用得多：按看过的样本数算，三种方式对数据的利用差不多。</p>'
    + '<p>课程里批量梯度下降的代码在循环内部就 return 了，所以只看过第一个点：灰线显示这样慢了多少'
    + '（取消勾选“显示课程的批量代码”即可隐藏）。</p>',
  'embed.title': '把一章嵌入你的课程',
  'embed.intro': 'NN Playground 的任何一章都可以放进你自己的课程网页，任何网站都行：一个 script 标签，然后每章一个元素。元素和你的正文一样宽，高度正好容纳这一章，笔记本和手机上都是如此。本页自己就是这样做的：下面的示例都是实时运行的。',
  'embed.plain': '1. 普通 HTML',
  'embed.pick': '挑选对你的课程重要的设置。<code>show</code> 指定学习者能用的控件，<code>hide</code> 去掉这一章自带的某些控件，<code>controls="none"</code> 加上 <code>autoplay</code> 就是一个纯演示：',
  'embed.markdown': '2. 文档生成器（Markdown）',
  'embed.markdownText': 'MkDocs、Jekyll、Hugo（需设置 <code>markup.goldmark.renderer.unsafe = true</code>）、Sphinx 的 MyST 以及大多数 Markdown 工具都会原样保留 HTML：把同样的两行放进你的 <code>.md</code> 文件，各占一行，前后各空一行。在 MDX（Docusaurus）中，把脚本加到网站的 <code>scripts</code> 设置里一次，元素照原样书写即可。',
  'embed.iframe': '3. 不允许脚本时，用 iframe',
  'embed.iframeText': '有些平台（学习管理系统、维基）允许 <code>&lt;iframe&gt;</code> 但不允许脚本。这时直接使用该章的嵌入视图；给它一个固定的高度，因为它无法告诉框架自己的尺寸：',
  'embed.reference': '章节、设置和选项',
  'embed.col.attribute': '属性',
  'embed.col.does': '作用',
  'embed.ref.chapter': '<code>regression</code>、<code>classification</code>、<code>nets</code>、<code>saveload</code>、<code>descent</code>、<code>race</code> 或 <code>playground</code>；未知的名称会在原处显示错误，并触发 <code>nn-error</code>',
  'embed.ref.settings': '这一章的设置，与它的链接中的写法相同（<code>layers="16-16"</code>，<code>speed="0"</code> 表示尽可能快）；梯度下降一章接受 <code>epochs</code>、<code>batch-lr</code>、<code>lr</code>、<code>batch</code>、<code>axis</code>，快速搭建一章接受 <code>inputs</code>、<code>hidden</code>、<code>outputs</code>。之后再改动某个属性，效果和操作对应的控件一样。',
  'embed.ref.seed': '（权重的随机种子）',
  'embed.eventProgress': 'nn-progress × {count}（最近一次在第 {step} 次更新）',
  'embed.ref.show': '显示哪些控件（用它们在链接中的名称，面板则用 <code>network</code>、<code>diagnostics</code>、<code>code</code>、<code>data</code> 或 <code>files</code>），或隐藏哪些；<code>play</code>、<code>step</code> 和 <code>reset</code> 按钮也可以隐藏',
  'embed.ref.controls': '不显示任何控件；准备好后自动开始训练',
  'embed.ref.size': '最大宽度（随容器变窄）；在这一章报告自身高度之前使用的高度',
  'embed.script': '用脚本控制',
  'embed.events': '事件：<code>nn-ready</code>、<code>nn-progress</code>、<code>nn-done</code>、<code>nn-error</code>、<code>nn-state</code>（其 <code>detail.link</code> 是框架的链接）和 <code>nn-resize</code>。本页第一个示例收到的事件：',
  'embed.hosting': '托管',
  'embed.hostingText': '脚本既能在 playground 自己的服务器上使用，也能在任何静态托管的静态网站上使用：框架来自 <code>embed.js</code> 所在的地方。服务器允许任何网站嵌入嵌入视图（用 <code>?embed=1</code> 打开的页面），其余页面只允许它自己嵌入；<code>--embed-ancestors</code> 限定谁可以嵌入（例如 <code>--embed-ancestors "https://school.example"</code>），<code>--frame-ancestors</code> 放宽谁可以嵌入完整网站。嵌入视图从不写入服务器：保存模型和数据集要在完整页面中进行，服务器会拒绝来自嵌入视图或其他网站页面的写入。',
  'embed.ref.lang': '这一章的语言，<code>en</code> 或 <code>zh-CN</code>（简体中文）；不设置时由读者自己的选择或浏览器决定',
  'check.title': '引擎检查',
  'check.intro': '同一个 Java 核心在这里分别被编译成 WebAssembly 和 JavaScript 运行。每个引擎都运行一个探针，它会用到核心的每一部分（数学运算、数据集、网络层、损失函数、优化器、模型文件）并打印出数字；文字完全相同就说明结果逐位一致。',
  'check.engine': '引擎',
  'check.status': '状态',
  'check.time': '耗时（毫秒）',
  'check.output': '探针输出',
  'check.ran': '已运行',
  'check.same': '已运行，与 JavaScript 的结果完全相同',
  'check.differs': '已运行，与 JavaScript 的结果不同！',
  'check.unavailable': '不可用：{error}',
  'check.done': '种子为 {seed} 的探针：完成。',
  'check.failed': '种子为 {seed} 的探针：失败：{error}',
};
