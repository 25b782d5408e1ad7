package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentgate.Category;
import io.consentgate.catalog.TrackerMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages with video and audio players: B2B marketing sites with hosted video (Wistia, Vidyard), course sites
 * (Vimeo, YouTube, Mux), news video (Brightcove, JW Player) and podcast landing pages (Spotify and Apple embeds,
 * episode files behind measurement redirect prefixes), with the tags such sites carry beside them. The vendors'
 * loaders are written in their shapes (hosts, globals and calls), not copied. The player and the media the visitor
 * came for stay, also where the player reports views itself; separate pixels, analytics plugins and marketing
 * automation go with their category; with everything allowed the page is unchanged.
 */
class VideoAndPodcastAnalyticsShapesTest {

    /** A product page's hero and its demo request form. */
    private static final String HERO = "<section class=\"hero\"><h1>Close the books in three days</h1>"
        + "<p>See how finance teams at 400 companies run month-end on Ledgerline.</p></section>\n"
        + "<form id=\"demo-request\" action=\"/demo/request\" method=\"post\"><input type=\"email\" name=\"email\""
        + " required><select name=\"team_size\"><option>1-10</option><option>11-50</option></select>"
        + "<button type=\"submit\">Book a demo</button></form>\n";
    /** The site's own scripts: its bundle and a handler that reports video milestones to its own API. */
    private static final String OWN = "\n<script src=\"/assets/js/site.7c1e2a.js\" defer></script>\n"
        + "<script>document.addEventListener('DOMContentLoaded', function () {"
        + " window.Ledgerline.initNav('#site-nav'); });</script>";

    /** The page around each tag under test. */
    private static final PageFrame FRAME = new PageFrame(HERO, OWN);

    @ParameterizedTest
    @ValueSource(strings = {
        // Wistia's standard embed: the media's JSONP and the player library, then the container the player fills
        "<script src=\"https://fast.wistia.com/embed/medias/k3v9qz2m1x.jsonp\" async></script>"
            + "<script src=\"https://fast.wistia.com/assets/external/E-v1.js\" async></script>\n"
            + "<div class=\"wistia_responsive_padding\" style=\"padding:56.25% 0 0 0;position:relative;\">"
            + "<div class=\"wistia_embed wistia_async_k3v9qz2m1x seo=true videoFoam=true\""
            + " style=\"height:100%;position:relative;width:100%\">&nbsp;</div></div>",
        // Wistia's newer web component: player.js, the media's module and the element
        "<script src=\"https://fast.wistia.com/player.js\" async></script>\n"
            + "<script src=\"https://fast.wistia.com/embed/k3v9qz2m1x.js\" async type=\"module\"></script>\n"
            + "<style>wistia-player[media-id='k3v9qz2m1x']:not(:defined) { display: block;"
            + " padding-top: 56.25%; }</style>\n<wistia-player media-id=\"k3v9qz2m1x\" aspect=\"1.7778\">"
            + "</wistia-player>",
        // the iframe embed, and a popover thumbnail
        "<iframe src=\"https://fast.wistia.net/embed/iframe/k3v9qz2m1x?videoFoam=true\" title=\"Month-end in 3 days"
            + "\" allow=\"autoplay; fullscreen\" allowtransparency=\"true\" frameborder=\"0\" scrolling=\"no\""
            + " class=\"wistia_embed\" name=\"wistia_embed\" width=\"100%\" height=\"100%\"></iframe>",
        "<span class=\"wistia_embed wistia_async_p0r8t6w4e2 popover=true popoverAnimateThumbnail=true\""
            + " style=\"display:inline-block;height:180px;width:320px\">&nbsp;</span>",
        // the site's own handlers on Wistia's queue: a milestone sent to the site's API and a form shown at the end
        "<script>\n  window._wq = window._wq || [];\n  _wq.push({ id: 'k3v9qz2m1x', onReady: function (video) {\n"
            + "    video.bind('percentwatchedchanged', function (pct) {\n"
            + "      if (pct >= 0.5) { navigator.sendBeacon('/api/video-progress', JSON.stringify({half: 1})); }\n"
            + "    });\n    video.bind('end', function () { document.getElementById('demo-request')"
            + ".scrollIntoView(); });\n  }});\n</script>",
    })
    void wistiaPlayerAndTheSitesHandlersStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Vidyard's v4 embed: the script once per page and a placeholder image per player
        "<script type=\"text/javascript\" async src=\"https://play.vidyard.com/embed/v4.js\"></script>\n"
            + "<img style=\"width: 100%; margin: auto; display: block;\" class=\"vidyard-player-embed\""
            + " src=\"https://play.vidyard.com/Qe7bN2cRk5sT8vW1xY4zA6.jpg\" data-uuid=\"Qe7bN2cRk5sT8vW1xY4zA6\""
            + " data-v=\"4\" data-type=\"inline\" alt=\"Product tour\" />",
        // a lightbox player, and the site's own code on the embed's API (progress events and GDPR consent)
        "<img class=\"vidyard-player-embed\" src=\"https://play.vidyard.com/Hk3mP9tQ2wE5rT7yU1iO4p.jpg\""
            + " data-uuid=\"Hk3mP9tQ2wE5rT7yU1iO4p\" data-v=\"4\" data-type=\"lightbox\">",
        "<script>\n  function onVidyardReady(api) {\n    api.addReadyListener(function (_, player) {\n"
            + "      api.progressEvents(function (r) { if (r.event === 100) { showCaseStudy(player.uuid); } },"
            + " [25, 50, 100]);\n    });\n  }\n  window.vidyardEmbed ? onVidyardReady(window.vidyardEmbed.api)"
            + "\n    : window.addEventListener('onVidyardAPI', function (e) { onVidyardReady(e.detail); });\n"
            + "</script>",
        "<script>window.VidyardV4 && VidyardV4.api.GDPR.consent(siteConsent.marketing === true);</script>",
        // the older iframe share page
        "<iframe class=\"vidyard_iframe\" src=\"//play.vidyard.com/Qe7bN2cRk5sT8vW1xY4zA6.html?v=3.1.1\""
            + " width=\"640\" height=\"360\" scrolling=\"no\" frameborder=\"0\" allowfullscreen></iframe>",
    })
    void vidyardPlayerAndTheSitesHandlersStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
    }

    @Test
    void b2bVideoPageLosesItsMarketingAutomationAndKeepsPlayerAndForm() {
        String head = "<!DOCTYPE html><html><head><title>Ledgerline - product tour</title>\n"
            + "<link rel=\"preconnect\" href=\"https://fast.wistia.com\">\n";
        String gtm = "<script>\n(function (win, doc, layer, id) {\n  win[layer] = win[layer] || [];\n"
            + "  win[layer].push({'gtm.start': new Date().getTime(), event: 'gtm.js'});\n"
            + "  var s = doc.createElement('script'); s.async = true;\n"
            + "  s.src = 'https://www.googletagmanager.com/gtm.js?id=' + id + (layer != 'dataLayer' ?"
            + " '&l=' + layer : '');\n  doc.head.appendChild(s);\n})(window, document, 'dataLayer',"
            + " 'GTM-LD7K2QX');\n</script>";
        String munchkin = "<script type=\"text/javascript\">\n(function () {\n  var done = false;\n"
            + "  function start() { if (!done) { done = true; Munchkin.init('418-KQD-215'); } }\n"
            + "  var el = document.createElement('script'); el.async = true;\n"
            + "  el.src = '//munchkin.marketo.net/munchkin.js';\n"
            + "  el.onload = start; el.onreadystatechange = function () {"
            + " if (this.readyState == 'complete') { start(); } };\n"
            + "  document.getElementsByTagName('head')[0].appendChild(el);\n})();\n</script>";
        String hubspot = "<script type=\"text/javascript\" id=\"hs-script-loader\" async defer"
            + " src=\"//js.hs-scripts.com/7261934.js\"></script>";
        String body = "</head><body>\n" + HERO
            + "<script src=\"https://fast.wistia.com/assets/external/E-v1.js\" async></script>\n"
            + "<div class=\"wistia_embed wistia_async_k3v9qz2m1x videoFoam=true\">&nbsp;</div>\n"
            + "<script src=\"//app-ab12.marketo.com/js/forms2/js/forms2.min.js\"></script>\n"
            + "<form id=\"mktoForm_1187\"></form>\n<script>MktoForms2.loadForm('//app-ab12.marketo.com',"
            + " '418-KQD-215', 1187);</script>\n";
        String linkedin = "<script type=\"text/javascript\">\n  window._linkedin_partner_id = '5531907';\n"
            + "  window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];\n"
            + "  window._linkedin_data_partner_ids.push(window._linkedin_partner_id);\n</script>"
            + "<script async src=\"https://snap.licdn.com/li.lms-analytics/insight.min.js\"></script>";
        String tail = "<script>\n  window._wq = window._wq || [];\n  _wq.push({id: '_all', onReady: function (v) {"
            + " v.bind('play', function () { window.dataLayer && dataLayer.push({event: 'video_play'}); }); }});"
            + "\n</script>" + OWN + "\n</body></html>";
        String page = head + gtm + munchkin + hubspot + body + linkedin + tail;
        assertEquals(head + body + tail, rewrite(page, NONE));
        assertEquals(head + body + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(head + munchkin + body + linkedin + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Brightcove's in-page embed: the player's element and its account/player script
        "<video-js data-account=\"6058004219001\" data-player=\"Hy4pQ1wXz\" data-embed=\"default\""
            + " controls data-video-id=\"6331742250112\" data-playlist-id=\"\" data-application-id"
            + " class=\"vjs-fluid\"></video-js>\n<script src=\"https://players.brightcove.net/6058004219001/"
            + "Hy4pQ1wXz_default/index.min.js\"></script>",
        // the iframe embed, and the site's code that reports the player's events into its own data layer
        "<iframe src=\"https://players.brightcove.net/6058004219001/default_default/index.html?videoId="
            + "6331742250112\" allowfullscreen allow=\"encrypted-media\" width=\"960\" height=\"540\"></iframe>",
        "<script>\n  videojs.getPlayer('newsPlayer').ready(function () {\n    var p = this;\n"
            + "    p.on('ended', function () { window.dataLayer = window.dataLayer || [];"
            + " dataLayer.push({event: 'video_complete', videoId: p.mediainfo.id}); });\n  });\n</script>",
        // JW Player: the cloud-hosted library, setup with a playlist, and the hosted player page in a frame
        "<div id=\"botr_Hn4Kq9Zt_Qx7Lm2Pd_div\"></div>\n<script src=\"https://cdn.jwplayer.com/libraries/"
            + "Qx7Lm2Pd.js\"></script>\n<script>\n  var clip = jwplayer('botr_Hn4Kq9Zt_Qx7Lm2Pd_div').setup({\n"
            + "    playlist: 'https://cdn.jwplayer.com/v2/media/Hn4Kq9Zt',\n    autostart: 'viewable',"
            + " mute: true\n  });\n  clip.on('complete', function () { loadNextStory(); });\n</script>",
        "<iframe src=\"https://cdn.jwplayer.com/players/Hn4Kq9Zt-Qx7Lm2Pd.html\" width=\"640\" height=\"360\""
            + " frameborder=\"0\" scrolling=\"auto\" title=\"Flood barrier tested\" allowfullscreen></iframe>",
        "<link rel=\"preload\" as=\"script\" href=\"https://ssl.p.jwpcdn.com/player/v/8.33.2/jwplayer.core.js\">",
    })
    void newsVideoPlayersStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Vimeo with Do Not Track, its Player API and the course's own completion handler
        "<div style=\"padding:56.25% 0 0 0;position:relative;\"><iframe src=\"https://player.vimeo.com/video/"
            + "912345678?h=7a2b9c0d1e&amp;badge=0&amp;autopause=0&amp;dnt=1\" frameborder=\"0\""
            + " allow=\"autoplay; fullscreen; picture-in-picture\" style=\"position:absolute;top:0;left:0;"
            + "width:100%;height:100%;\" title=\"Lesson 4: Accruals\"></iframe></div>"
            + "<script src=\"https://player.vimeo.com/api/player.js\"></script>",
        "<script>\n  const lesson = new Vimeo.Player(document.querySelector('iframe[title^=\"Lesson 4\"]'));\n"
            + "  lesson.on('ended', () => fetch('/courses/close-2/lessons/4/complete', {method: 'POST',"
            + " credentials: 'same-origin'}));\n</script>",
        // YouTube's privacy-enhanced embed, and the IFrame API with the page's ready callback
        "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube-nocookie.com/embed/aB3dE5fG7hI?rel=0\""
            + " title=\"Accruals in 5 minutes\" frameborder=\"0\" allow=\"accelerometer; autoplay;"
            + " clipboard-write; encrypted-media; gyroscope; picture-in-picture\" allowfullscreen></iframe>",
        "<div id=\"yt-lesson\"></div>\n<script>\n  var tag = document.createElement('script');\n"
            + "  tag.src = 'https://www.youtube.com/iframe_api';\n  document.body.appendChild(tag);\n"
            + "  var ytLesson;\n  function onYouTubeIframeAPIReady() {\n"
            + "    ytLesson = new YT.Player('yt-lesson', {videoId: 'aB3dE5fG7hI', playerVars: {rel: 0},\n"
            + "      events: {onStateChange: function (e) { if (e.data === YT.PlayerState.ENDED) {"
            + " markLessonDone(4); } }}});\n  }\n</script>",
        "<a href=\"https://www.youtube.com/watch?v=aB3dE5fG7hI\"><img src=\"https://i.ytimg.com/vi/aB3dE5fG7hI/"
            + "hqdefault.jpg\" alt=\"Watch on YouTube\"></a>",
    })
    void courseVideoEmbedsStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
    }

    /**
     * Episode files behind measurement redirect prefixes (Podtrac, Chartable, OP3, Podsights): the prefix is part
     * of the file's URL, so it is the media the visitor came for and stays untouched, as do the players' embeds.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "<audio controls preload=\"none\" src=\"https://dts.podtrac.com/redirect.mp3/chrt.fm/track/9GD2E4/"
            + "traffic.megaphone.fm/LDG1234567890.mp3?updated=1712345678\"></audio>",
        "<audio controls preload=\"metadata\">\n  <source src=\"https://op3.dev/e/https://media.transistor.fm/"
            + "c4a1e2f3/0b9d8c7e.mp3\" type=\"audio/mpeg\">\n  <a href=\"https://op3.dev/e/https://media.transistor"
            + ".fm/c4a1e2f3/0b9d8c7e.mp3\" download>Download the episode</a>\n</audio>",
        "<audio controls src=\"https://pdst.fm/e/chrt.fm/track/7F3B1/dts.podtrac.com/redirect.mp3/"
            + "audio.ledgerline.example/episodes/042-close-faster.mp3\"></audio>",
        "<audio controls src=\"https://pdst.fm/e/op3.dev/e/dts.podtrac.com/redirect.mp3/pscrb.fm/rss/p/"
            + "stitcher.simplecastaudio.com/4d1f/episodes/9e2a/audio/128/default.mp3\"></audio>",
        "<video controls poster=\"/media/ep42.jpg\"><source src=\"https://dts.podtrac.com/redirect.mp4/"
            + "cdn.ledgerline.example/video/ep42-720p.mp4\" type=\"video/mp4\"></video>",
        "<a class=\"download\" href=\"https://dts.podtrac.com/redirect.mp3/chrt.fm/track/9GD2E4/"
            + "traffic.megaphone.fm/LDG1234567890.mp3\">MP3 (38 MB)</a>",
        // a player script of the site's own that sets the prefixed URL
        "<script>\n  document.querySelector('#episode-player').src =\n"
            + "    'https://op3.dev/e/dts.podtrac.com/redirect.mp3/audio.ledgerline.example/episodes/043.mp3';\n"
            + "</script>",
        // the Spotify and Apple Podcasts players
        "<iframe style=\"border-radius:12px\" src=\"https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"
            + "?utm_source=generator\" width=\"100%\" height=\"152\" frameBorder=\"0\" allowfullscreen=\"\""
            + " allow=\"autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture\""
            + " loading=\"lazy\"></iframe>",
        "<iframe allow=\"autoplay *; encrypted-media *; fullscreen *; clipboard-write\" frameborder=\"0\""
            + " height=\"175\" style=\"width:100%;max-width:660px;overflow:hidden;border-radius:10px;\""
            + " sandbox=\"allow-forms allow-popups allow-same-origin allow-scripts allow-top-navigation-by-user-"
            + "activation\" src=\"https://embed.podcasts.apple.com/us/podcast/close-faster/id1623456789"
            + "?i=1000654321987\"></iframe>",
    })
    void podcastPlayersAndPrefixedEpisodeFilesStayUntouched(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
        String page = HERO + html + OWN;
        assertEquals(page, RewriteAssertions.rewrite(RewriteAssertions.NEUTRALIZE, page, NONE), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the Spotify Pixel on a sponsor's landing page for a podcast ad, and the older Podsights pixel
        "<script>\n  (function (w, d) {\n    var id = 'spdt-capture', n = 'script';\n"
            + "    if (!d.getElementById(id)) {\n      w.spdt = w.spdt || function () {"
            + " (w.spdt.q = w.spdt.q || []).push(arguments); };\n      var e = d.createElement(n); e.id = id;"
            + " e.async = 1;\n      e.src = 'https://pixel.byspotify.com/ping.min.js';\n"
            + "      var s = d.getElementsByTagName(n)[0]; s.parentNode.insertBefore(e, s);\n    }\n"
            + "    w.spdt('conf', {key: 'a1b2c3d4e5f60718293a4b5c6d7e8f90'});\n    w.spdt('view');\n"
            + "  })(window, document);\n</script>",
        "<script>\n  (function (w, d) {\n    var id = 'pdst-capture', n = 'script';\n"
            + "    if (!d.getElementById(id)) {\n      w.pdst = w.pdst || function () {"
            + " (w.pdst.q = w.pdst.q || []).push(arguments); };\n      var e = d.createElement(n); e.id = id;"
            + " e.async = 1;\n      e.src = 'https://cdn.pdst.fm/ping.min.js';\n"
            + "      var s = d.getElementsByTagName(n)[0]; s.parentNode.insertBefore(e, s);\n    }\n"
            + "    w.pdst('conf', {key: 'f0e1d2c3b4a5968778695a4b3c2d1e0f'});\n    w.pdst('view');\n"
            + "  })(window, document);\n</script>",
        // Podscribe's tag
        "<script>\n  (function (w, d) {\n    w.podscribe = w.podscribe || function () {"
            + " (w.podscribe.q = w.podscribe.q || []).push(arguments); };\n"
            + "    var t = d.createElement('script'); t.id = 'podscribe-capture'; t.async = true;\n"
            + "    t.src = 'https://d34r8q7sht0t9k.cloudfront.net/tag.js';\n    d.head.appendChild(t);\n"
            + "    w.podscribe('init', {user_id: '7c1b2a3d-4e5f-4061-8a9b-0c1d2e3f4a5b', advertiser: 'ledgerline'});"
            + "\n    w.podscribe('view');\n  })(window, document);\n</script>",
        // the Meta pixel as a podcast landing page's theme writes it, with its noscript image
        "<script>\n  !function (win, doc, url) {\n    if (win.fbq) { return; }\n    var q = [];\n"
            + "    var fn = win.fbq = function () { fn.callMethod ? fn.callMethod.apply(fn, arguments)"
            + " : q.push(arguments); };\n    if (!win._fbq) { win._fbq = fn; }\n"
            + "    fn.push = fn; fn.loaded = true; fn.version = '2.0'; fn.queue = q;\n"
            + "    var el = doc.createElement('script'); el.async = true; el.src = url;\n"
            + "    doc.head.appendChild(el);\n  }(window, document, 'https://connect.facebook.net/en_US/"
            + "fbevents.js');\n  fbq('init', '884422119900331');\n  fbq('track', 'PageView');\n</script>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://www.facebook.com/tr?id="
            + "884422119900331&amp;ev=PageView&amp;noscript=1\"/></noscript>",
    })
    void podcastAttributionPixelsGoWithMarketing(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.MARKETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // links and text naming the vendors, look-alike names, and JSON-LD naming the show's profiles
        "<p>Watch on <a href=\"https://wistia.com/\">Wistia</a>, <a href=\"https://vimeo.com/ledgerline\">"
            + "Vimeo</a> or <a href=\"https://www.youtube.com/@ledgerline\">YouTube</a>; we measure downloads"
            + " with <a href=\"https://op3.dev/\">OP3</a> and <a href=\"https://analytics.podtrac.com/\">"
            + "Podtrac</a>.</p>",
        "<h2>Wistia Creek Vineyards &amp; Jaywalker Brewing</h2><p>Tastings daily at 12 Vidyard Lane.</p>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"PodcastSeries\","
            + " \"name\": \"Close Faster\", \"webFeed\": \"https://feeds.ledgerline.example/close-faster.xml\","
            + " \"sameAs\": [\"https://open.spotify.com/show/2mZ4vB6nC8xQ1wE3rT5yU7\","
            + " \"https://podcasts.apple.com/us/podcast/close-faster/id1623456789\","
            + " \"https://www.youtube.com/@ledgerline\"]}</script>",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"VideoObject\","
            + " \"name\": \"Month-end in 3 days\", \"thumbnailUrl\": \"https://embed-ssl.wistia.com/deliveries/"
            + "3f9a2b.jpg\", \"embedUrl\": \"https://fast.wistia.net/embed/iframe/k3v9qz2m1x\","
            + " \"uploadDate\": \"2025-02-11\"}</script>",
        // the site's own scripts whose paths look like a vendor's or a player plugin's
        "<script src=\"/assets/js/video-tracking.js\"></script><script src=\"/js/vendor/jwplayer-skin.js\">"
            + "</script><script src=\"/static/podcast/player.js\"></script>",
        "<script src=\"/js/wistia-helpers.min.js\"></script><link rel=\"stylesheet\""
            + " href=\"/css/vidyard-overrides.css\">",
    })
    void linksLookAlikesAndTheSitesOwnScriptsStay(String html) {
        FRAME.assertStays(html, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Mux Data's JavaScript SDK (mux-embed) from Mux's host, as a course site writes it before its hls.js player
        "<script src=\"https://src.litix.io/core/4/mux.js\"></script>",
        "<script src=\"//src.litix.io/core/2/mux.js\" defer></script>",
        "<script>\n  (function () {\n    var m = document.createElement('script');\n"
            + "    m.src = 'https://src.litix.io/core/4/mux.js';\n    m.async = true;\n"
            + "    document.head.appendChild(m);\n  })();\n</script>",
        // its JW Player plugin, and a preload hint for the SDK
        "<script type=\"text/javascript\" src=\"https://src.litix.io/jwplayer/4/jwplayer-mux.js\"></script>",
        "<link rel=\"preload\" href=\"https://src.litix.io/core/4/mux.js\" as=\"script\">",
    })
    void muxDataSdkGoesWithAnalytics(String tag) {
        FRAME.assertGoesOnlyWith(tag, Category.ANALYTICS);
    }

    @Test
    void lessonPageKeepsItsVideoWhenMuxDataGoesAndItsMonitorCallFindsAStandIn() {
        // the lesson's own player script starts hls.js and then hands the element to Mux Data: with the SDK gone
        // the player script stays and the stand-in for mux takes the monitor call, so nothing after it is skipped
        String sdk = "<script src=\"https://src.litix.io/core/4/mux.js\"></script>";
        String player = "<video id=\"lesson-7\" controls playsinline poster=\"https://image.mux.com/"
            + "Vq01mNp2sX8/thumbnail.webp\"></video>\n<script src=\"/vendor/hls.min.js\"></script>\n"
            + "<script>\n  const el = document.getElementById('lesson-7');\n"
            + "  const src = 'https://stream.mux.com/Vq01mNp2sX8.m3u8';\n  let hls = null;\n"
            + "  if (window.Hls && Hls.isSupported()) { hls = new Hls(); hls.loadSource(src);"
            + " hls.attachMedia(el); } else { el.src = src; }\n"
            + "  mux.monitor(el, {hlsjs: hls, Hls: window.Hls, data: {env_key: 'q2v8r4m1k7c3t9s5p0b6n2x4z',\n"
            + "    player_name: 'lesson', video_id: 'close-2-lesson-7', player_init_time: mux.utils.now()}});\n"
            + "  el.addEventListener('ended', () => document.body.classList.add('lesson-done'));\n</script>";
        String page = HERO + sdk + "\n" + player + OWN;
        String kept = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, NONE);
        assertEquals(false, kept.contains("src.litix.io"), kept);
        assertEquals(true, kept.contains(player + OWN), kept);
        assertEquals(true, kept.startsWith(HERO + "<script data-consentgate=\"stub\">"), kept);
        assertEquals(HERO + "\n" + player + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Mux Player is the player (it reports views itself, as Wistia's does): its element and script stay, as do
        // Mux's video and image hosts and the Video.js plugin, which the player's own options start
        "<script src=\"https://cdn.jsdelivr.net/npm/@mux/mux-player\" defer></script>\n"
            + "<mux-player playback-id=\"Vq01mNp2sX8\" metadata-video-title=\"Lesson 7\""
            + " metadata-viewer-user-id=\"anon\" accent-color=\"#1f6feb\"></mux-player>",
        "<video controls src=\"https://stream.mux.com/Vq01mNp2sX8/high.mp4\""
            + " poster=\"https://image.mux.com/Vq01mNp2sX8/thumbnail.jpg?time=12\"></video>",
        "<script src=\"https://vjs.zencdn.net/8.10.0/video.min.js\"></script>\n"
            + "<script src=\"https://src.litix.io/videojs/4/videojs-mux.js\"></script>\n"
            + "<script>\n  videojs('webinar-player', {plugins: {mux: {data: {env_key: 'q2v8r4m1k7c3t9s5p0b6n2x4z',"
            + " player_name: 'webinar'}}}});\n</script>",
    })
    void muxPlayerMuxMediaAndTheVideoJsPluginStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
    }

    /** cookie name | tracker id or "-". */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        muxData             | mux-data
        muxdata             | -
        mux_session         | -
        vimeo_player_prefs  | -
        """)
    void videoAnalyticsCookies(String name, String expected) {
        TrackerMatch m = RewriteAssertions.CATALOG.matchCookie(name, null);
        if ("-".equals(expected)) {
            assertNull(m, name);
        } else {
            assertNotNull(m, name);
            assertEquals(expected, m.tracker().id());
        }
    }

    /**
     * The catalog README's decision on measurement redirect prefixes: no entry names them, so a media URL that
     * passes through them is never matched; the trackers beside them on the same sites' pages still are.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        https://dts.podtrac.com/redirect.mp3/traffic.megaphone.fm/LDG1234567890.mp3  | -
        https://chrt.fm/track/9GD2E4/traffic.megaphone.fm/LDG1234567890.mp3          | -
        https://op3.dev/e/https://media.transistor.fm/c4a1e2f3/0b9d8c7e.mp3           | -
        https://pdst.fm/e/dts.podtrac.com/redirect.mp3/audio.example/042.mp3          | -
        https://prd.jwpltx.com/v1/jwplayer6/ping.gif?e=s                              | -
        https://src.litix.io/videojs/4/videojs-mux.js                                 | -
        https://cdn.pdst.fm/ping.min.js                                               | podsights
        https://src.litix.io/core/4/mux.js                                            | mux-data
        """)
    void measurementPrefixesAndPlayerReportingAreNotListed(String url, String expected) {
        TrackerMatch m = RewriteAssertions.CATALOG.matchUrl(url, null);
        if ("-".equals(expected)) {
            assertNull(m, url);
        } else {
            assertNotNull(m, url);
            assertEquals(expected, m.tracker().id());
        }
    }

    @Test
    void courseLessonPageLosesEachTagWithItsOwnCategory() {
        String head = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Lesson 7 - Close Faster</title>\n"
            + "<link rel=\"stylesheet\" href=\"/assets/course.css\">";
        String mux = "<script src=\"https://src.litix.io/core/4/mux.js\"></script>";
        String tiktok = "<script>\n  !function (w, d, name) {\n    w.TiktokAnalyticsObject = name;\n"
            + "    var q = w[name] = w[name] || [];\n    q.methods = ['page', 'track', 'identify'];\n"
            + "    q.load = function (id) {\n      var el = d.createElement('script'); el.async = true;\n"
            + "      el.src = 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=' + id + '&lib=' + name;\n"
            + "      d.head.appendChild(el);\n    };\n    q.load('CQ8R2T4V6X0Z2B4D6F8H');\n    q.page();\n"
            + "  }(window, document, 'ttq');\n</script>";
        String pinterest = "<script type=\"text/javascript\">\n  (function (src) {\n    if (window.pintrk) { return; }"
            + "\n    window.pintrk = function () { window.pintrk.queue.push([].slice.call(arguments)); };\n"
            + "    window.pintrk.queue = []; window.pintrk.version = '3.0';\n"
            + "    var t = document.createElement('script'); t.async = true; t.src = src;\n"
            + "    document.head.appendChild(t);\n  })('https://s.pinimg.com/ct/core.js');\n"
            + "  pintrk('load', '2613456789012', {em: ''});\n  pintrk('page');\n</script>";
        String body = "</head><body>\n<nav id=\"site-nav\"><a href=\"/courses/close-faster\">All lessons</a></nav>\n"
            + "<iframe src=\"https://player.vimeo.com/video/912345678?dnt=1\" width=\"800\" height=\"450\""
            + " allow=\"fullscreen\" title=\"Lesson 7\"></iframe>\n"
            + "<script src=\"https://player.vimeo.com/api/player.js\"></script>\n"
            + "<form action=\"/courses/close-faster/lessons/7/notes\" method=\"post\"><textarea name=\"note\">"
            + "</textarea><button>Save note</button></form>\n";
        String spotify = "<script src=\"https://open.spotify.com/embed/iframe-api/v1\" async></script>\n"
            + "<div id=\"episode-embed\"></div>\n<script>\n  window.onSpotifyIframeApiReady = (api) => {\n"
            + "    api.createController(document.getElementById('episode-embed'),"
            + " {uri: 'spotify:episode:4rOoJ6Egrf8K2IrywzwOMk', width: '100%', height: 152}, () => {});\n"
            + "  };\n</script>";
        String tail = OWN + "\n</body></html>";
        String page = head + mux + tiktok + pinterest + body + spotify + tail;
        assertEquals(head + body + spotify + tail, rewrite(page, NONE));
        assertEquals(head + tiktok + pinterest + body + spotify + tail, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(head + mux + body + spotify + tail, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a site's own video handlers that report to GA4 through gtag events without a tag id, and to the data layer
        "<script>\n  function onPlayerStateChange(e) {\n    if (e.data === YT.PlayerState.PLAYING) {"
            + " gtag('event', 'video_start', {video_title: e.target.getVideoData().title}); }\n  }\n</script>",
        "<script>\n  window._wq = window._wq || [];\n  _wq.push({id: '_all', onReady: function (video) {\n"
            + "    video.bind('end', function () { window.dataLayer.push({event: 'wistia_complete',"
            + " media: video.hashedId()}); });\n  }});\n</script>",
        "<script>\n  jwplayer().on('time', function (e) { if (e.position > 30 && !window.sent30) {"
            + " window.sent30 = true; window.fbq && fbq('trackCustom', 'Watched30s'); } });\n</script>",
    })
    void videoEventHandlersWithoutATagIdStay(String html) {
        FRAME.assertStays(html, NONE);
        FRAME.assertStays(html, ALL);
    }

    @Test
    void playerSetupWhoseHandlerSendsAnEventToATagIdKeepsThePlayer() {
        // the site's YouTube setup reports to its GA4 tag by id from the state handler: with analytics refused only
        // the event statement goes, the player and its handler stay
        String event = "gtag('event', 'video_start', {send_to: 'G-PSW1MY7HB4',"
            + " video_title: e.target.getVideoData().title});";
        String setup = "<div id=\"lesson-player\"></div>\n<script src=\"https://www.youtube.com/iframe_api\"></script>\n"
            + "<script>\n  var player;\n  function onYouTubeIframeAPIReady() {\n"
            + "    player = new YT.Player('lesson-player', {videoId: 'dQ4w9WgXcQ1',"
            + " events: {onStateChange: onPlayerStateChange}});\n  }\n"
            + "  function onPlayerStateChange(e) {\n    if (e.data === YT.PlayerState.PLAYING) {\n      " + event
            + "\n    }\n  }\n</script>";
        String kept = setup.replace(event, " ".repeat(event.length()));
        assertEquals(HERO + kept + OWN, rewrite(HERO + setup + OWN, ANALYTICS_REFUSED));
        assertEquals(HERO + kept + OWN, rewrite(HERO + setup + OWN, NONE));
        FRAME.assertStays(setup, MARKETING_REFUSED);
        FRAME.assertStays(setup, ALL);
    }

    @Test
    void jwPlayerSetupThatNamesMuxsPluginByUrlKeepsThePlayer() {
        // JW Player takes a plugin by its URL as a key of setup's plugins: the URL is overwritten in place, so the
        // setup runs and the player shows its video without the plugin
        String setup = "<div id=\"story-player\"></div>\n<script>\n  jwplayer('story-player').setup({\n"
            + "    playlist: 'https://cdn.jwplayer.com/v2/media/Hn4Kq9Zt',\n"
            + "    plugins: {'https://src.litix.io/jwplayer/4/jwplayer-mux.js': {data: {env_key: 'q2v8r4m1k7'}}}\n"
            + "  });\n</script>";
        String out = rewrite(HERO + setup + OWN, ANALYTICS_REFUSED);
        String kept = setup.replace("https://src.litix.io/jwplayer/4/jwplayer-mux.js",
            "data:," + "/".repeat("https://src.litix.io/jwplayer/4/jwplayer-mux.js".length() - 6));
        assertEquals(HERO + kept + OWN, out);
        assertEquals(HERO + setup + OWN, rewrite(HERO + setup + OWN, MARKETING_REFUSED));
    }
}
