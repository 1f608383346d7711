"""Words by kind: what site chrome says, as opposed to what articles say.

These are kinds of web furniture found across news sites, blogs and journals
(share bars, comment boxes, newsletter prompts, cookie banners, related-post
lists), not phrases from any one page. Rules match them only where a line is
*nothing but* such words, or where the wording is unmistakably the site
talking to its visitor.
"""

from __future__ import annotations

import re

#: Networks and actions that make up share bars and "follow us" rows.
SHARE_TARGETS = {
    "facebook", "twitter", "x", "whatsapp", "print", "reddit", "telegram", "email", "e-mail",
    "mail", "linkedin", "pinterest", "copy link", "copy", "link", "tumblr", "mastodon",
    "bluesky", "threads", "pocket", "flipboard", "messenger", "sms", "instagram", "youtube",
    "tiktok", "vk", "weibo", "wechat", "line", "viber", "snapchat", "digg", "mix", "buffer",
    "share", "tweet", "pin", "save", "more", "comment", "comments", "copy url", "url",
    "rss", "feed", "podcast", "spotify", "apple podcasts", "google news", "substack", "discord",
    "signal", "skype", "hacker news", "slashdot", "evernote", "gmail", "outlook", "yahoo mail",
    "bookmark", "favorite", "like", "follow", "subscribe", "embed", "gift", "gift article",
    "listen", "listen to this article", "download", "pdf", "font size", "text size",
    # the same actions in other languages of the Latin script
    "compartir", "enviar", "enviar por correo", "copiar enlace", "imprimir", "teilen", "drucken",
    "link kopieren", "partager", "imprimer", "copier le lien", "condividi", "stampa", "copia link",
    "compartilhar", "copiar link", "delen", "afdrukken", "e-mail",
    # and in Cyrillic, Chinese, Japanese and Korean
    "поделиться", "вконтакте", "одноклассники", "телеграм", "твитнуть", "копировать ссылку", "печать",
    "分享", "微博", "微信", "复制链接", "打印", "シェア", "ツイート", "いいね", "はてなブックマーク", "ブックマーク",
    "リンクをコピー", "印刷", "공유", "공유하기", "트윗", "카카오톡", "링크 복사", "인쇄",
    "この記事をシェア", "この記事をシェアする",
    "記事をシェア", "分享到", "分享本文", "分享这篇文章", "поделиться статьей", "поделиться новостью",
    "artikel teilen", "diesen artikel teilen", "partager cet article", "partager l'article", "partager l’article",
    "compartir este artículo", "condividi questo articolo", "compartilhe este artigo",
}

#: What a search box's parts say: its field, its button, its close link.
SEARCH_LABELS = {"search", "close this search box", "search for", "type to search",
                 "submit search", "search this site", "search the site", "close search"}

#: Standalone labels of page furniture: navigation, widgets, account links.
UI_LABELS = {
    "search", "close", "close this search box.", "close this search box", "search for:",
    "menu", "main menu", "open menu", "close menu", "toggle navigation", "navigation",
    "skip to content", "skip to main content", "skip to navigation", "skip to footer",
    "home", "homepage", "log in", "login", "sign in", "sign up", "register", "log out",
    "my account", "account", "donate", "donate now", "support us", "join us", "join",
    "subscribe", "subscribe now", "contact", "contact us", "about", "about us", "faq",
    "privacy", "privacy policy", "cookie policy", "cookies", "terms", "terms of use",
    "terms of service", "terms and conditions", "accessibility", "sitemap", "site map",
    "advertisement", "advertising", "advertise", "sponsored", "sponsored content", "ad",
    "back to top", "top", "previous", "next", "previous article", "next article",
    "previous post", "next post", "older posts", "newer posts", "load more", "show more",
    "see more", "view all", "see all", "more", "continue reading", "read more", "read on",
    "print", "email", "share", "share this", "share this article", "share this story",
    "share this post", "share this page", "share on", "share via", "shares", "tweet",
    "reply", "cancel reply", "post comment", "submit", "send", "ok", "accept", "accept all",
    "reject", "reject all", "decline", "manage preferences", "cookie settings",
    "manage cookies", "allow all", "agree", "i agree", "got it", "dismiss", "no thanks",
    "content", "contents", "main content", "breadcrumb", "you are here:", "tags", "tags:",
    "topics", "topics:", "categories", "categories:", "filed under", "filed under:",
    "posted in", "related", "related:", "english", "español", "français", "deutsch",
    "light", "dark", "theme", "edition", "latest", "trending", "popular", "most read",
    "listen", "listen to this article", "audio", "video", "watch", "play", "pause",
    "follow us", "follow", "connect with us", "stay connected", "newsletter", "newsletters",
    "shop", "store", "events", "jobs", "careers", "press", "rss", "feeds", "help",
    "download pdf", "cite this article", "download citation", "download references", "full size image",
    "full size table", "metrics details", "on this page", "in this article", "was this helpful", "was this article helpful", "was this page helpful",
    "was this answer helpful", "was this information helpful", "did you find this helpful", "yesno", "yes no",
    "enable javascript", "loading", "loading...", "loading…", "like this", "like loading",
    "like loading…", "share this", "print this page", "email this page", "opens in new window",
    # other languages of the Latin script
    "buscar", "búsqueda", "menú", "suscríbete", "suscribirse", "iniciar sesión", "entrar", "registrarse",
    "portada", "inicio", "contacto", "publicidad", "aviso legal", "política de privacidad",
    "política de cookies", "quiénes somos", "aceptar", "aceptar todas", "rechazar", "configurar",
    "ir al contenido", "ir al contenido principal", "compartir", "última hora",
    "suche", "startseite", "anmelden", "abonnieren", "impressum", "datenschutz", "kontakt", "werbung",
    "anzeige", "akzeptieren", "alle akzeptieren", "ablehnen", "einstellungen", "zum inhalt springen",
    "rechercher", "accueil", "se connecter", "connexion", "s'abonner", "abonnez-vous", "mentions légales",
    "publicité", "accepter", "tout accepter", "refuser", "paramètres", "aller au contenu",
    "cerca", "accedi", "abbonati", "pubblicità", "accetta", "accetta tutto", "rifiuta", "impostazioni",
    "pesquisar", "entrar", "assine", "publicidade", "aceitar", "rejeitar",
    # Cyrillic, Chinese, Japanese, Korean
    "главная", "поиск", "войти", "регистрация", "подписаться", "реклама", "контакты", "меню",
    "首页", "搜索", "登录", "注册", "订阅", "广告", "ホーム", "検索", "ログイン", "メニュー", "広告", "トップ",
    "홈", "검색", "로그인", "회원가입", "구독", "광고", "메뉴",
}

#: Labels that open the furniture after an article: everything below them is
#: teaser lists, comments or footer. Matched against the whole line.
TAIL_LABELS = re.compile(
    r"""^(?:
        (?:you\s+(?:should|may|might|will)\s+(?:also\s+)?(?:read|like|enjoy|be\s+interested\s+in))
      | (?:(?:more\s+)?related(?:\s+(?:articles?|posts?|stor(?:y|ies)|content|reading|coverage|links?|news|topics?|
           publications?|reports?|resources?|items?|videos?|books?|reviews?))?)
      | (?:latest(?:\s+(?:articles?|posts?|news|stories|from\s+.+))?)
      | (?:recent(?:ly\s+(?:published|added))?\s+(?:articles?|posts?|news|stories|videos|entries))
      | (?:(?:most\s+)?(?:popular|read|viewed|shared|commented)(?:\s+(?:articles?|posts?|stories|now|today|this\s+week))?)
      | (?:recommended(?:\s+(?:for\s+you|articles?|reading|stories))?)
      | (?:more\s+(?:from|in|on|stories|articles|news|to\s+read|like\s+this|by)\b.*)
      | (?:more\s+(?:[\w&’'-]+\s+){1,3}(?:news|stories|articles|posts|coverage|reviews|features))
      | (?:read\s+(?:more|next|also)(?:\s+(?:articles?|stories|from\s+.+|on\s+.+))?)
      | (?:further\s+reading\s+on\s+this\s+site)
      | (?:also\s+(?:read|on|in)\b.*)
      | (?:trending(?:\s+(?:now|stories|articles))?)
      | (?:editor['’]?s?\s+picks?)
      | (?:don['’]t\s+miss)
      | (?:what\s+to\s+read\s+next)
      | (?:keep\s+reading)
      | (?:in\s+other\s+news)
      | (?:around\s+the\s+web)
      | (?:promoted\s+(?:stories|content|links))
      | (?:if\s+you\s+(?:liked|enjoyed)\s+this.{0,20}?,?\s+you\s+(?:may|might|will|would)\s+(?:also\s+)?
           (?:like|enjoy|love|read))
      | (?:te\s+puede\s+interesar|también\s+te\s+puede\s+interesar|noticias\s+relacionadas|
           lo\s+más\s+(?:leído|visto)|más\s+(?:noticias|información|de\s+.+)|te\s+recomendamos|lee\s+también)
      | (?:das\s+könnte\s+sie\s+(?:auch\s+)?interessieren|mehr\s+zum\s+thema|weitere\s+artikel|
           meistgelesen|auch\s+interessant|lesen\s+sie\s+auch)
      | (?:à\s+lire\s+aussi|lire\s+aussi|articles?\s+similaires|sur\s+le\s+même\s+sujet|les\s+plus\s+lus)
      | (?:leggi\s+anche|potrebbe\s+interessarti|articoli\s+correlati|i\s+più\s+letti)
      | (?:leia\s+também|veja\s+também|mais\s+lidas)
      | (?:lees\s+ook|meest\s+gelezen|läs\s+också|czytaj\s+(?:także|też|również)|zobacz\s+(?:także|też)|
           najczęściej\s+czytane|čtěte\s+také|ilginizi\s+çekebilir|bunlar\s+da\s+ilginizi\s+çekebilir)
      | (?:читайте\s+также|смотрите\s+также|похожие\s+(?:статьи|материалы|новости)|(?:материалы\s+)?по\s+теме|
           самое\s+(?:читаемое|популярное)|читайте\s+також|схожі\s+(?:статті|новини))
      | (?:関連記事|関連ニュース|あわせて読みたい|こちらもおすすめ|人気記事|相关阅读|相关文章|相关新闻|延伸阅读|
           热门文章|관련\s*기사|많이\s+본\s+(?:뉴스|기사))
    )[\s:.…]*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Headings of an article's own closing section ("Conclusion", "Final thoughts", "The bottom line"):
#: what stands under them is still the article. Matched against the whole line.
CLOSING_HEADINGS = re.compile(
    r"""^(?:
        (?:in\s+)?conclusions?
      | (?:in\s+)?summary | summing\s+up | to\s+sum\s+up
      | (?:final|closing|concluding)\s+(?:thoughts|words|remarks|notes?|verdict)
      | (?:the\s+)?bottom\s+line
      | wrapping\s+(?:it\s+)?up
      | (?:the\s+)?(?:key\s+)?takeaways?
      | (?:the\s+)?verdict
      | conclusión | conclusiones | en\s+resumen | fazit | zusammenfassung | en\s+conclusion
      | conclusione | conclusioni | in\s+sintesi | conclusão | em\s+resumo
    )[\s:.…!]*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Labels that open a comments section; below them everything is comments.
COMMENT_LABELS = re.compile(
    r"""^(?:
        (?:\d+\s+)?(?:(?:reader|readers['’]?|user|your|latest|top)\s+)?comments?(?:\s*\(\d+\))?
      | (?:comentarios|kommentare|commentaires|commenti|comentários|reacties|kommentarer|komentarze|komentáře|
         yorumlar|комментарии|коментарі|コメント|评论|評論|留言|댓글)(?:\s*\(\d+\))?
      | (?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:responses?|replies|comments?|thoughts)
         (?:\s+(?:on|to)\s+.+)?)
      | (?:leave\s+a\s+(?:reply|comment|response))
      | (?:post\s+a\s+comment|add\s+a\s+comment|write\s+a\s+comment)
      | (?:join\s+the\s+(?:conversation|discussion|debate))
      | (?:discussion\s+about\s+this\s+(?:post|article|story|episode))
      | (?:(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments?)
      | (?:comments\s+are\s+closed)
      | (?:what\s+do\s+you\s+think\??)
    )[\s:.…]*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: The site speaking to its visitor: cookie banners, newsletter prompts,
#: paywalls, donation asks, copyright footers. Each needs a line of its own.
SITE_VOICE = [
    ("cookie-notice", re.compile(
        r"\bcookies?\b.*\b(?:use|uses|using|accept|consent|browsing|experience|settings|policy|"
        r"preferences|personalis|personaliz|analytics|third[- ]part)", re.I)),
    ("cookie-notice", re.compile(r"\b(?:we|this\s+(?:site|website))\s+(?:use|uses)\s+cookies\b", re.I)),
    ("cookie-notice", re.compile(r"\bcookies?\b.*\b(?:utiliza|usamos|aceptar|consentimiento|navegación|verwenden|"
                                 r"akzeptieren|zustimmung|utilisons|accepter|consentement|utilizziamo|consenso|"
                                 r"utilizamos|aceitar)", re.I)),
    ("affiliate-disclosure", re.compile(r"\b(?:earn|receive|make)\s+(?:a\s+)?(?:small\s+)?commission\b|"
                                        r"\baffiliate\s+(?:links?|commission|partner)", re.I)),
    ("inline-link", re.compile(r"^(?:related|see\s+also|read\s+more|also\s+read|more|read\s+next|watch|listen|"
                               r"recommended|must\s+read)\s*:\s*\S.{0,150}$", re.I)),
    ("download-link", re.compile(r"^(?:download|descargar|herunterladen|télécharger)\b.{0,80}\((?:pdf|epub|docx?|"
                                 r"xlsx?|csv|zip)[^)]*\)\s*$", re.I)),
    ("tag-list", re.compile(r"^(?:tags?|topics?|categories|category|filed\s+under|posted\s+in|keywords|"
                            r"etiquetas|temas|schlagworte|themen|mots-clés)\s*:\s*\S", re.I)),
    ("newsletter-prompt", re.compile(
        r"\b(?:sign\s*up|subscribe|register)\b.{0,80}\b(?:newsletter|inbox|email|e-mail|updates|"
        r"briefing|digest|alerts)\b", re.I)),
    ("newsletter-prompt", re.compile(
        r"\b(?:newsletter|inbox)\b.{0,80}\b(?:sign\s*up|subscribe|delivered|get|receive|enter)\b", re.I)),
    ("newsletter-prompt", re.compile(r"^(?:enter\s+)?(?:your\s+)?e-?mail(?:\s+address)?\s*\*?:?$", re.I)),
    # a form's field, marked required ("Business Email *", "Your First and Last Name*")
    ("form-field", re.compile(r"^[^\W\d_][\w’' /-]{0,40}?\s?\*$")),
    # what a sign-up form says once it is sent, kept in the page's text though hidden until then
    ("form-message", re.compile(
        r"^\W*(?:oops!?\s+)?something\s+went\s+wrong\s+while\s+submitting\b|"
        r"\bwe\s+already\s+have\s+this\s+e-?mail\b|"
        r"^\W*(?:(?:awesome|great|success|yay|done)\W+)?(?:thanks?|thank\s+you)\W+for\s+"
        r"(?:subscribing|signing\s+up)\b|"
        r"^\W*(?:(?:awesome|great|success|yay|done)\W+)?you(?:'|’)re\s+(?:all\s+)?"
        r"(?:subscribed|signed\s+up|on\s+the\s+list)\b|"
        r"^\W*please\s+enter\s+a\s+valid\s+e-?mail\b|\byour\s+submission\s+has\s+been\s+received\b", re.I)),
    ("newsletter-prompt", re.compile(r"\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b", re.I)),
    # a newsletter platform's standing pitch: "X is a reader-supported publication. To receive new posts …"
    ("newsletter-prompt", re.compile(r"\bis\s+a\s+reader-supported\s+publication\b", re.I)),
    ("newsletter-prompt", re.compile(r"^(?:(?:boletín|newsletter|lettre\s+d['’]information)\b.{0,40}|"
                                     r"(?:escribe|introduce)\s+tu\s+(?:email|correo).{0,30}|apúntate|suscríbete.{0,60}|"
                                     r"he\s+leído\s+y\s+acepto.{0,80}|ihre\s+e-mail-adresse|votre\s+(?:adresse\s+)?e-mail)$",
                                     re.I)),
    ("paywall-prompt", re.compile(
        r"\b(?:subscribe|subscription|subscribers?)\b.{0,60}\b(?:to\s+(?:continue|keep)\s+reading|"
        r"unlimited\s+access|already\s+a\s+subscriber|read\s+the\s+full)\b", re.I)),
    ("paywall-prompt", re.compile(r"\b(?:already\s+(?:a\s+subscriber|have\s+an\s+account)|"
                                  r"create\s+(?:a\s+)?free\s+account)\b", re.I)),
    ("donation-prompt", re.compile(
        r"\b(?:donate|donation|support\s+(?:us|our\s+(?:work|journalism))|become\s+a\s+(?:member|"
        r"supporter|patron))\b.{0,120}\b(?:today|now|monthly|just|from\s+[£$€]|\d+\s*a\s+month|"
        r"independent|journalism|keep)\b|^support\s+(?:independent|local|quality|our|nonprofit|non-profit)\s+"
        r"(?:[\w-]+\s+){0,2}(?:journalism|media|news|reporting|writing|publishing)\b.{0,60}$", re.I)),
    ("copyright-footer", re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])", re.I)),
    ("copyright-footer", re.compile(r"\ball\s+rights\s+reserved\b", re.I)),
    ("comment-form", re.compile(
        r"\b(?:your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|"
        r"save\s+my\s+name,\s+email|you\s+must\s+be\s+logged\s+in\s+to\s+post|notify\s+me\s+of\s+"
        r"(?:new|follow-up)\s+(?:comments|posts))", re.I)),
    ("javascript-notice", re.compile(
        r"\b(?:enable|turn\s+on)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required)\b|"
        r"\byour\s+browser\s+(?:does\s+not|doesn['’]t)\s+support\b", re.I)),
    ("ad-label", re.compile(r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|"
                            r"(?:story|text|content)\s+continues\s+below(?:\s+advertisement)?|"
                            r"(?:continue|keep)\s+reading\s+below(?:\s+(?:the\s+)?(?:ad|advertisement))?|"
                            r"article\s+continues\s+(?:below|after\s+(?:this\s+)?advertisement))[\s.:]*$", re.I)),
    # "5 min read", "Reading time: 5 minutes", and the same in other languages ("Temps de lecture : 5 minutes",
    # "Lesezeit: 6 Min.", "4 minutos de lectura", "Leestijd 3 min", "Время чтения: 5 минут")
    ("reading-time", re.compile(r"^(?:\d+\s*(?:-|–)?\s*(?:min(?:ute)?s?|mins?)\.?\s*(?:read|reading\s+time)|"
                                r"(?:reading\s+time|estimated\s+reading\s+time):?\s*\d+\s*min(?:ute)?s?\.?|"
                                r"(?:temps\s+de\s+lecture|lesezeit|lesedauer|tiempo\s+de\s+lectura|tempo\s+di\s+lettura|"
                                r"tempo\s+de\s+leitura|leestijd|lästid|lesetid|læsetid|czas\s+czytania|"
                                r"время\s+чтения|час\s+читання)\s*:?\s*(?:ca\.\s*)?\d+\s*"
                                r"(?:min\w*|минут\w*|мин\.?|хвилин\w*)\.?|"
                                r"\d+\s*(?:min\.?|minutes?|minutos|minuti|minuten|minutter|minuter|минут\w*|мин\.?)\s+"
                                r"(?:de\s+lecture|de\s+lectura|di\s+lettura|de\s+leitura|lesezeit|leestijd|"
                                r"чтения|на\s+чтение|на\s+читання|lästid|lesetid|læsetid))$", re.I)),
    ("photo-credit", re.compile(
        r"^(?:photo|image|picture|illustration|graphic|credit|source|photograph|foto|imagen|bild|crédito)s?"
        r"\s*(?:credit)?\s*:|\b(?:cover\s+(?:design|image|photo)|photograph(?:ed)?|photo|illustration)\s+by\s+"
        r"[A-Z][^.]{0,60}\.?$|\([^()]{2,60}\s/\s[^()]{2,60}\)\s*$|"
        r"\((?:photo|image|picture)s?\s*(?:by|:|credit)[^)]*\)\s*$|"
        r"\b(?:getty\s+images|shutterstock|alamy|wikimedia\s+commons|afp\s+via\s+getty|"
        r"associated\s+press|reuters)\s*\)?\s*$", re.I)),
    # an arrow before or after a post's title ("« Older post", "Next story ›"); a guillemet that a closing one
    # answers is a quotation's («Мы не музей», — смеётся она), as French, Russian and Swiss pages print them
    ("post-navigation", re.compile(r"^(?:←|«(?!.*»)|‹(?!.*›)|previous\s+(?:post|article|story)\s*:?)\s*\S.{0,120}$|"
                                   r"^(?:(?!.*«)\S.{0,120}\s*»|(?!.*‹)\S.{0,120}\s*›|\S.{0,120}\s*→)$|"
                                   r"^next\s+(?:post|article|story)\s*:", re.I)),
    ("social-prompt", re.compile(
        r"^(?:follow|like|find)\s+(?:us|me)\s+on\b|^(?:share|tweet)\s+(?:this|on)\b.{0,40}$", re.I)),
]

#: A job title: the line under a name in an author's box ("Owner, Founder & Retreat Leader"), not a heading.
JOB_WORD = re.compile(r"\b(?:ceo|cto|cfo|coo|cmo|vp|svp|evp|vice\s+president|president|director|manager|founder|"
                      r"co-founder|officer|chief|editor|writer|reporter|correspondent|columnist|contributor|"
                      r"strategist|consultant|specialist|analyst|advisor|adviser|partner|professor|researcher)\b",
                      re.I)

#: English function words: prose is dense in them, menus and labels are not.
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves also however although
though yet since upon whose must may might shall us per
""".split())

MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
