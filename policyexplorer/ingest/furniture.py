"""Page furniture: what a web page, a news agency or a PDF puts around a report's text.

Each rule is general (no report is named): the lines below are recognised wherever they stand,
not only at the top, and every removal is recorded in the cleaning log with its line. A rule
only ever matches a whole short line or a marked prefix/suffix, so report text is never lost.
"""
from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Lines of the web page around a scraped report: navigation, contact blocks, bylines, tags.
WEB_LINE = re.compile(
    r"^(?:"
    r"(?:联系人|联系电话|手机|电话|邮箱|地址|传真|QQ|微信|网址)\s*[:：]"
    r"|作者\s*[:：].*(?:点击|发布时间|来源)"
    r"|(?:发布时间|发布日期|来源|责任编辑|编辑|审核|校对|点击|浏览次数|阅读|原标题|记者|通讯员|作者)\s*[:：]"
    r"|[(（【\[]\s*(?:责任编辑|编辑|来源|作者|记者)\s*[:：][^)）】\]]{0,30}[)）】\]]$"
    r"|本文由.{0,40}提供"
    r"|相关(?:标签|文章|阅读|推荐|新闻)\s*[:：]?"
    r"|热门(?:产品|文章|推荐|标签)"
    r"|(?:上一篇|下一篇)\s*[:：]"
    r"|(?:分享到|打印本页|关闭窗口|返回顶部|扫一扫)"
    r"|(?:新闻资讯|行业资讯|公司新闻|联系我们|网站首页|首页)$"
    r"|[A-Za-z][A-Za-z ]{1,20}$"
    r")",
    re.IGNORECASE,
)
# Once one of these appears, the report is over and the rest of the page is debris.
WEB_TAIL = re.compile(r"^(?:本文由.{0,40}提供|相关标签|相关文章|热门产品|上一篇\s*[:：])")

# Short lines of page furniture, by kind. Only lines up to MAX_FURNITURE characters count.
MAX_FURNITURE = 120
FURNITURE = [
    ("copyright", re.compile(r"copyright|版权所有|all rights reserved|©|\(c\)\s*\d{4}", re.IGNORECASE)),
    ("copyright", re.compile(r"ICP\s*[备证]|公网安备|网安备|增值电信业务经营许可证", re.IGNORECASE)),
    ("disclaimer", re.compile(r"仅代表作者(?:个人)?(?:观点|立场)|不代表本(?:网|站|平台)|股市有风险|投资需谨慎|免责声明|"
                              r"转载请注明|未经(?:授权|许可).{0,10}(?:转载|使用)|如有侵权|联系删除")),
    ("share", re.compile(r"^(?:分享到|分享至|一键分享|打印本页|关闭窗口|返回顶部|扫一扫|微信扫一扫|手机扫码|"
                         r"【?(?:纠错|打印|关闭|收藏)】?$|字号\s*[:：]|点击(?:进入|查看|阅读)|(?:收藏|推荐)给(?:朋友|好友))")),
    ("web-debris", re.compile(r"^(?:首页|当前位置|您的位置|您现在的位置|位置)\s*[:：>＞»›]|"
                              r"^[^。，；]{1,12}(?:\s*[>＞»›]\s*[^。，；>＞»›]{1,12}){2,}$")),   # breadcrumbs
    ("web-debris", re.compile(r"\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?")),  # page timestamps
    ("share", re.compile(r"字号\s*[:：]?\s*[【\[]?\s*[大中小]|^【?\s*打印\s*】?\s*【?\s*关闭\s*】?$|阅读(?:次数|量)\s*[:：]")),
    ("transcript-label", re.compile(r"^(?:以下(?:为|是)(?:文字实录|实录|报告全文|全文|摘要|要点)|全文如下|报告全文如下)"
                                    r"\s*[:：]?\s*$")),
]
# A speaker's label on a line of its own ("李克强:"). A person's name, never an address to
# the audience ("各位代表:") or a topic label ("财政政策:").
SPEAKER = re.compile(rf"^([{CJK}·]{{2,5}})\s*[:：]\s*$")
SURNAMES = set("李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
               "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
               "温习胡江朱乔吴栗汪韩丁蔡赵")
NOT_A_NAME = re.compile(r"代表|同志|朋友|女士|先生|各位|政策|工作|目标|任务|要求|措施|情况|方面|领域|重点|附件|说明|注释")
# A news dateline before the text: "新华社北京3月22日电 ", "本报讯（记者 张三）".
DATELINE = re.compile(
    rf"^(?:(?:新华社|新华网|中新社|中新网|人民网|央视网|央广网|国际在线|本报|本刊|本台)[{CJK}\d]{{0,12}}?"
    rf"(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯|消息)|据[{CJK}]{{2,10}}报道)"
    rf"(?:\s*[（(](?:记者|通讯员)[^）)]{{0,30}}[）)])?[\s,，:：]*"
)


def web_line(text: str) -> bool:
    return bool(WEB_LINE.match(text))


def web_tail(text: str) -> bool:
    return bool(WEB_TAIL.match(text))


def furniture_kind(text: str, speaker: str | None = None) -> str | None:
    """The kind of page furniture a whole line is, or None when it is report text."""
    if len(text) > MAX_FURNITURE:
        return None
    for kind, pattern in FURNITURE:
        if pattern.search(text):
            return kind
    m = SPEAKER.match(text)
    if m:
        name = m.group(1)
        if name == (speaker or "").strip() or (name[0] in SURNAMES and len(name) <= 4 and not NOT_A_NAME.search(name)):
            return "speaker-label"
    return None


def dateline(text: str) -> str | None:
    """The dateline lead a line opens with, when what follows it is text of its own."""
    m = DATELINE.match(text)
    if m and len(text) - m.end() >= 10:
        return m.group(0)
    return None


def running_headers(lines: list[str], times: int = 3) -> set[str]:
    """Lines a PDF repeats at the top or bottom of its pages ("武汉市人民政府文件", "政府工作报告"):
    the same short line without sentence punctuation (so never a wrapped line of body text),
    standing three times or more. A header is a whole title: a line with a bracket it does not
    close or open ("民政府)", the tail of "(…各区人民政府)" wrapped the same way many times) is a
    fragment of text."""
    counts: dict[str, int] = {}
    for line in lines:
        if (4 <= len(line) <= 40 and re.search(f"[{CJK}]", line) and not re.search(r"[，,。；;、：:！!？?]", line)
                and _balanced(line)):
            counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items() if n >= times}


def _balanced(line: str) -> bool:
    depth = 0
    for ch in line:
        depth += ch in "(（《"
        depth -= ch in ")）》"
        if depth < 0:
            return False
    return depth == 0
