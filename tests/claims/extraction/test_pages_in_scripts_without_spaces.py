"""A page in Chinese, Japanese or Thai is an article in another language, stored and flagged
as such, not "no article text": those scripts write no spaces between words."""

from __future__ import annotations

from claims.extraction.document import read_html
from claims.extraction.languages import has_article_text, not_english

CHINESE = (
    "<html lang='zh-CN'><head><title>香港特首梁振英就住宅违建事件道歉</title></head><body><article>"
    "<h1>香港特首梁振英就住宅违建事件道歉</h1>"
    "<p>香港行政长官梁振英在各方压力下就其大宅的违章建筑问题向公众道歉\uff0c并承诺在两周内解决。</p>"
    "<p>梁振英此前承认早在去年参选行政长官之前就已知悉其住宅存在违建\uff0c但一直没有公开。</p>"
    "</article></body></html>"
)


def test_a_chinese_page_is_read_and_flagged_as_not_english() -> None:
    # InputError "The HTML contains no article text (only menus, links or boilerplate)": a
    # line of text needed five words, counted between spaces.
    document = read_html(CHINESE)
    assert "梁振英" in document.text
    assert document.language == "zh"
    assert not_english(document.language, document.text) == "zh"


def test_a_menu_is_still_no_article_text() -> None:
    assert not has_article_text("首页\n\n新闻\n\n体育")
    assert has_article_text("香港行政长官梁振英在各方压力下就其大宅的违章建筑问题向公众道歉。")
