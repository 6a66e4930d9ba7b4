"""The words and templates newsschema's fixtures are made of: small, hand-written, six scripts.

No network and no language model: each language has a publisher, sections with their
IPTC Media Topic, cities with their time zone, names, keywords and sentence templates
with ``{place}``, ``{person}``, ``{number}`` and ``{topic}`` slots.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LANGUAGES"]

LANGUAGES: dict[str, dict[str, Any]] = {
    "zh-CN": {
        "family_first": True,
        "publisher": ("大河日报", "https://www.dahe-ribao.example/"),
        "role": "记者",
        "editor_role": "责任编辑",
        "editorial_note": "禁发时间前请勿发布。\n图片另发。",
        "sections": [
            ("要闻", "medtop:11000000"),
            ("财经", "medtop:04000000"),
            ("体育", "medtop:15000000"),
            ("科技", "medtop:13000000"),
        ],
        "cities": [
            ("郑州", "CN", 34.75, 113.62, 480),
            ("新乡", "CN", 35.30, 113.93, 480),
            ("上海", "CN", 31.23, 121.47, 480),
        ],
        "family": "王李张刘陈杨赵黄周吴",
        "given": ["伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋"],
        "topics": ["城市交通", "夏粮收购", "新能源汽车", "黄河生态", "高校招生", "文化旅游"],
        "keywords": ["民生", "经济", "交通", "教育", "生态", "科技", "旅游", "农业"],
        "headlines": [
            "{place}推进{topic}工作取得新进展",
            "{topic}：{place}出台{number}项新举措",
            "{person}谈{topic}",
        ],
        "sentences": [
            "{number}日，{place}召开{topic}工作会议，研究部署下一阶段任务。",
            "“{topic}关系千家万户。”{person}说，今年已投入资金{number}亿元。",
            "据介绍，{place}今年以来共完成相关项目{number}个，惠及群众{number}万人。",
            "下一步，{place}将继续加大{topic}投入力度，确保各项措施落到实处。",
        ],
    },
    "en-GB": {
        "family_first": False,
        "publisher": ("The Northern Ledger", "https://news.northern-ledger.example/"),
        "role": "correspondent",
        "editor_role": "editor",
        "editorial_note": "Not for publication before the embargo lifts.\nPictures to follow.",
        "sections": [
            ("Politics", "medtop:11000000"),
            ("Business", "medtop:04000000"),
            ("Sport", "medtop:15000000"),
            ("Environment", "medtop:06000000"),
        ],
        "cities": [
            ("Manchester", "GB", 53.48, -2.24, 0),
            ("Honolulu", "US", 21.31, -157.86, -600),
            ("Baker Island", "UM", 0.19, -176.48, -720),
        ],
        "family": ["Smith", "Jones", "O'Brien", "Patel", "Nguyen", "Okafor", "MacLeod"],
        "given": ["Amelia", "Oliver", "Priya", "Tom", "Chloe", "Kwame", "Fiona"],
        "topics": [
            "flood defences",
            "rail fares",
            "the housing plan",
            "school meals",
            "wind farms",
        ],
        "keywords": ["council", "budget", "transport", "climate", "housing", "schools", "energy"],
        "headlines": [
            "{place} council backs {topic} after long debate",
            "{person}: why {topic} matters",
            "{number} things to know about {topic}",
        ],
        "sentences": [
            "Councillors in {place} voted {number} to 12 in favour of {topic} on Tuesday.",
            '"We have waited long enough," said {person}, who has campaigned on {topic} for {number} years.',
            "Critics say the cost, estimated at £{number}m, has not been explained.",
            "A final decision is expected next month.",
        ],
    },
    "de-DE": {
        "family_first": False,
        "publisher": ("Rheinische Rundschau", "https://www.rheinische-rundschau.example/"),
        "role": "Korrespondentin",
        "editor_role": "Redaktion",
        "editorial_note": "Sperrfrist beachten.\nBilder folgen.",
        "sections": [
            ("Politik", "medtop:11000000"),
            ("Wirtschaft", "medtop:04000000"),
            ("Sport", "medtop:15000000"),
            ("Kultur", "medtop:01000000"),
        ],
        "cities": [
            ("Köln", "DE", 50.94, 6.96, 60),
            ("Düsseldorf", "DE", 51.23, 6.78, 60),
            ("Görlitz", "DE", 51.15, 14.99, 120),
        ],
        "family": ["Müller", "Schröder", "Weiß", "Öztürk", "Krämer", "Groß"],
        "given": ["Jürgen", "Ömer", "Lena", "Björn", "Käthe", "Felix"],
        "topics": ["die Brückensanierung", "den Nahverkehr", "die Energiewende", "das Stadtfest"],
        "keywords": ["Stadtrat", "Verkehr", "Haushalt", "Energie", "Kultur", "Bildung"],
        "headlines": [
            "{place} streitet über {topic}",
            "{person} fordert mehr Tempo für {topic}",
            "{number} Millionen Euro für {topic}",
        ],
        "sentences": [
            "Der Stadtrat in {place} hat am Montag über {topic} beraten.",
            "„Wir dürfen keine Zeit verlieren“, sagte {person} nach der Sitzung.",
            "Die Kosten werden auf {number} Millionen Euro geschätzt.",
            "Eine Entscheidung soll im Herbst fallen.",
        ],
    },
    "es-ES": {
        "family_first": False,
        "publisher": ("Diario del Sur", "https://www.diariodelsur.example/"),
        "role": "corresponsal",
        "editor_role": "edición",
        "editorial_note": "Embargado hasta la hora indicada.\nFotos a continuación.",
        "sections": [
            ("Política", "medtop:11000000"),
            ("Economía", "medtop:04000000"),
            ("Deportes", "medtop:15000000"),
            ("Sociedad", "medtop:14000000"),
        ],
        "cities": [
            ("Sevilla", "ES", 37.39, -5.98, 60),
            ("Málaga", "ES", 36.72, -4.42, 60),
            ("Caracas", "VE", 10.48, -66.90, -240),
        ],
        "family": ["García", "Núñez", "Peña", "Muñoz", "Ibáñez"],
        "given": ["José", "María", "Íñigo", "Lucía", "Ángel"],
        "topics": [
            "la sequía",
            "el precio del alquiler",
            "el nuevo metro",
            "la temporada turística",
        ],
        "keywords": ["agua", "vivienda", "turismo", "empleo", "transporte"],
        "headlines": [
            "{place} aprueba un plan contra {topic}",
            "{person}: «{topic} no puede esperar»",
            "{number} claves sobre {topic}",
        ],
        "sentences": [
            "El ayuntamiento de {place} aprobó el jueves un plan sobre {topic}.",
            "«Es una prioridad», afirmó {person} ante los periodistas.",
            "La inversión prevista asciende a {number} millones de euros.",
            "¿Llegará a tiempo? La oposición lo duda.",
        ],
    },
    "ar-EG": {
        "family_first": False,
        "publisher": ("صحيفة النيل", "https://www.alnil-news.example/"),
        "role": "مراسل",
        "editor_role": "تحرير",
        "editorial_note": "يحظر النشر قبل الموعد المحدد، والصور لاحقة.",
        "sections": [
            ("سياسة", "medtop:11000000"),
            ("اقتصاد", "medtop:04000000"),
            ("رياضة", "medtop:15000000"),
        ],
        "cities": [
            ("القاهرة", "EG", 30.04, 31.24, 120),
            ("الإسكندرية", "EG", 31.20, 29.92, 120),
            ("دبي", "AE", 25.20, 55.27, 240),
        ],
        "family": ["حسن", "عبد الله", "منصور", "السيد"],
        "given": ["محمد", "فاطمة", "أحمد", "نور"],
        "topics": ["مشروع المترو الجديد", "أسعار الخبز", "موسم السياحة", "تحلية المياه"],
        "keywords": ["النقل", "الاقتصاد", "السياحة", "المياه", "التعليم"],
        "headlines": [
            "{place} تطلق {topic}",
            "{person}: {topic} أولوية",
            "{number} مليون جنيه لـ{topic}",
        ],
        "sentences": [
            "أعلنت محافظة {place} اليوم عن خطة جديدة بشأن {topic}.",
            "وقال {person} إن المشروع سيخدم {number} ألف مواطن.",
            "ومن المتوقع أن تبدأ الأعمال خلال الأشهر المقبلة.",
        ],
    },
    "ja-JP": {
        "family_first": True,
        "publisher": ("東都新聞", "https://www.toto-shimbun.example/"),
        "role": "記者",
        "editor_role": "編集",
        "editorial_note": "解禁時間まで掲載しないでください。\n写真は追って配信します。",
        "sections": [
            ("政治", "medtop:11000000"),
            ("経済", "medtop:04000000"),
            ("スポーツ", "medtop:15000000"),
        ],
        "cities": [
            ("東京", "JP", 35.68, 139.69, 540),
            ("大阪", "JP", 34.69, 135.50, 540),
            ("キリティマティ", "KI", 1.87, -157.43, 840),
        ],
        "family": ["佐藤", "鈴木", "高橋", "田中", "渡辺"],
        "given": ["翔太", "さくら", "健一", "美咲"],
        "topics": ["防災計画", "新幹線の延伸", "子育て支援", "観光客の増加"],
        "keywords": ["防災", "交通", "経済", "観光", "教育"],
        "headlines": [
            "{place}で{topic}が本格化",
            "{person}氏「{topic}を急ぐ」",
            "{topic}、{number}億円を計上",
        ],
        "sentences": [
            "{place}は{number}日、{topic}に関する会議を開いた。",
            "{person}氏は「住民の安全が最優先だ」と述べた。",
            "関連予算は{number}億円にのぼる見通しだ。",
        ],
    },
}
