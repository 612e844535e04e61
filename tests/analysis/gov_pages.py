# ruff: noqa: E501
"""Two made-up government pages in other CMS layouts than the corpus page (shared by the tests)."""

# A sidebar CMS: breadcrumb, left menu, a related-news list full of numbers, share buttons, a
# table with <thead>/<tbody>, a paragraph broken by <br>, and a footer.
SIDEBAR_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>松溪市2024年1-6月经济运行情况 - 松溪市统计局</title>
<style>#side{width:220px} .share a{margin:2px}</style>
<script src="/js/jquery.min.js"></script>
<script>window.dataLayer=[{"page":"zwgk","count":1024}];</script>
</head><body>
<div id="header"><div class="logo">松溪市统计局</div>
<ul id="menu"><li><a href="/">网站首页</a></li><li><a href="/tjsj">统计数据</a></li>
<li><a href="/tjfx">统计分析</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="breadcrumb">您现在的位置：<a href="/">首页</a> » <a href="/tjsj">统计数据</a> » 月度数据</div>
<div id="container">
<div id="side">
<h3>热点新闻</h3>
<ul class="related">
<li><a href="/a/1">全市1-5月规上工业增加值增长6.3%</a><span>2024-06-14</span></li>
<li><a href="/a/2">一季度全市地区生产总值突破500亿元</a><span>2024-04-18</span></li>
<li><a href="/a/3">松溪市召开2024年统计工作会议</a><span>2024-02-20</span></li>
</ul>
<h3>快速导航</h3><ul><li><a>统计公报</a></li><li><a>统计年鉴</a></li></ul>
</div>
<div id="content">
<h2 class="title">松溪市2024年1-6月经济运行情况</h2>
<div class="meta">来源：市统计局　发布日期：2024-07-19　浏览次数：1532</div>
<div id="zoom">
<p>上半年，全市经济运行稳中向好，主要指标增速高于全省平均水平。</p>
<p>工业生产加快。1-6月，全市规模以上工业增加值同比增长7.2%，比一季度加快1.1个百分点。<br>
6月当月，规上工业增加值增长8.0%。</p>
<p>消费市场回暖。社会消费品零售总额186.4亿元，同比增长5.6%。</p>
<table class="data">
<thead><tr><td>指标</td><td>6月</td><td>1-6月</td><td>同比增长(%)</td></tr></thead>
<tbody>
<tr><td>规上工业增加值(亿元)</td><td>21.3</td><td>118.7</td><td>7.2</td></tr>
<tr><td>社会消费品零售总额(亿元)</td><td>33.1</td><td>186.4</td><td>5.6</td></tr>
<tr><td>固定资产投资(亿元)</td><td>—</td><td>203.5</td><td>4.1</td></tr>
</tbody></table>
<p>注：固定资产投资不公布当月数。</p>
</div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a>
<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prev-next"><p>上一篇：<a href="/a/0">松溪市2024年1-5月经济运行情况</a></p>
<p>下一篇：<a href="/a/9">2024年6月全市居民消费价格上涨0.4%</a></p></div>
</div></div>
<div id="footer"><p>版权所有：松溪市统计局　地址：松溪市府前路12号　电话：0596-3312345</p>
<p>网站标识码：3507990012　闽ICP备05012345号-2</p></div>
</body></html>
"""
SIDEBAR_KEEP = (
    "上半年，全市经济运行稳中向好",
    "全市规模以上工业增加值同比增长7.2%",
    "6月当月，规上工业增加值增长8.0%",
    "社会消费品零售总额186.4亿元",
    "注：固定资产投资不公布当月数",
)
SIDEBAR_DROP = (
    "网站首页",
    "您现在的位置",
    "热点新闻",
    "1-5月规上工业增加值增长6.3%",
    "突破500亿元",
    "快速导航",
    "分享到",
    "打印本页",
    "上一篇",
    "上涨0.4%",
    "版权所有",
    "0596-3312345",
    "jquery",
    "dataLayer",
)
SIDEBAR_CELLS = {
    ("规上工业增加值(亿元)", "6月"): "21.3",
    ("规上工业增加值(亿元)", "1-6月"): "118.7",
    ("社会消费品零售总额(亿元)", "6月"): "33.1",
    ("社会消费品零售总额(亿元)", "1-6月"): "186.4",
    ("固定资产投资(亿元)", "1-6月"): "203.5",
}

# A TRS-style editor page: content in nested <div>/<span>s, a caption paragraph and a unit row
# inside the table (colspan), full-width spaces, a related-reading list and a long footer.
EDITOR_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>柳岸县一季度主要经济指标</title>
<link rel="stylesheet" href="/css/style.css">
<script>var pageId = 20230417; function fontZoom(s){document.getElementById('zoom').style.fontSize=s+'px';}</script>
</head><body>
<div class="top-bar"><span>欢迎访问柳岸县人民政府网站</span><a>简体</a>|<a>繁體</a>|<a>无障碍浏览</a></div>
<div class="nav"><a>首页</a><a>政务公开</a><a>办事服务</a><a>政民互动</a><a>数据发布</a></div>
<div class="position">当前位置：首页 > 数据发布 > 统计数据</div>
<div class="article-box">
<div class="article-title">柳岸县2023年一季度主要经济指标</div>
<div class="article-info">时间：2023-04-17　来源：县统计局　【字体：<a onclick="fontZoom(16)">大</a> <a onclick="fontZoom(14)">中</a> <a onclick="fontZoom(12)">小</a>】</div>
<div class="TRS_Editor" id="zoom">
<div><span style="font-family:仿宋">　　一季度，全县实现地区生产总值</span><span>56.82亿元</span><span>，同比增长6.1%。</span></div>
<div><span>　　农业生产形势稳定，全县生猪出栏12.4万头，增长3.2%。</span></div>
<p align="center"><b>柳岸县2023年1-3月主要经济指标</b></p>
<table border="1">
<tr><td colspan="4" align="right">单位：万元</td></tr>
<tr><th>指标</th><th>3月</th><th>1-3月</th><th>增长(%)</th></tr>
<tr><td>一般公共预算收入</td><td>4312</td><td>12876</td><td>-3.5</td></tr>
<tr><td>税收收入</td><td>3021</td><td>9347</td><td>-5.1</td></tr>
<tr><td>城乡居民储蓄存款余额</td><td>—</td><td>1865432</td><td>8.7</td></tr>
</table>
</div>
<div class="related"><h4>相关阅读</h4><ul>
<li><a>柳岸县2022年国民经济和社会发展统计公报</a> 2023-03-28</li>
<li><a>全县2022年地区生产总值增长4.9%</a> 2023-01-30</li></ul></div>
<div class="tools"><a>【收藏】</a><a>【打印】</a><a>【关闭】</a></div>
</div>
<div class="foot">主办单位：柳岸县人民政府办公室　承办单位：柳岸县政务服务数据管理局<br>
联系电话：0739-8821234　邮箱：laxzf@example.gov.cn<br>湘ICP备09001234号　湘公网安备43052302000123号</div>
</body></html>
"""
EDITOR_KEEP = (
    "一季度，全县实现地区生产总值56.82亿元，同比增长6.1%",
    "全县生猪出栏12.4万头，增长3.2%",
    "柳岸县2023年1-3月主要经济指标",
)
EDITOR_DROP = (
    "欢迎访问",
    "无障碍浏览",
    "政民互动",
    "当前位置",
    "字体",
    "相关阅读",
    "统计公报",
    "增长4.9%",
    "收藏",
    "主办单位",
    "0739-8821234",
    "ICP",
    "fontZoom",
)
EDITOR_CELLS = {
    ("一般公共预算收入", "3月"): "4312",
    ("一般公共预算收入", "1-3月"): "12876",
    ("税收收入", "3月"): "3021",
    ("税收收入", "1-3月"): "9347",
    ("城乡居民储蓄存款余额", "1-3月"): "1865432",
}
