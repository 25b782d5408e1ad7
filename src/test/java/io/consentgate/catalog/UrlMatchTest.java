package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentgate.Category;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlMatchTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** Expected tracker id, or "-" for no match; base "-" means null. */
    @ParameterizedTest(name = "[{index}] {0} (base {1}) -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', nullValues = "NULL", textBlock = """
        https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234           | -    | google-tag
        https://googletagmanager.com/gtag/js?id=G-ABC                     | -    | google-tag
        https://www.google-analytics.com/analytics.js                     | -    | google-analytics
        https://region1.google-analytics.com/g/collect?v=2                | -    | google-analytics
        https://googletagmanager.com.example.org/gtm.js                   | -    | -
        https://notgoogle-analytics.com/analytics.js                      | -    | -
        https://google-analytics.com.evil.test/x                          | -    | -
        https://mygoogletagmanager.com/gtm.js                             | -    | -
        https://bitrot-example.disqus.com/embed.js                        | -    | disqus
        https://c.disquscdn.com/next/embed/common.bundle.js               | -    | disqus
        https://gc.zgo.at/count.js                                        | -    | goatcounter
        https://events.framer.com/script?v=2                              | -    | framer-analytics
        //img06.en25.com/i/elqCfg.min.js                                  | -    | oracle-eloqua
        https://img06.en25.com/EloquaImages/clients/Acme/logo.png         | -    | -
        https://s198273645.t.eloqua.com/visitor/v200/svrGP?pps=3          | -    | oracle-eloqua
        //514009821.collect.igodigital.com/collect.js                     | -    | sfmc-collect
        https://resources.digital-cloud.medallia.eu/wdceu/412233/onsite/embed.js | - | medallia
        https://nebula-cdn.kampyle.com/we/28/412233/onsite/embed.js       | -    | medallia
        https://www.medallia.com/platform/                                | -    | -
        https://js-cdn.dynatrace.com/jstag/1689a3b4c5d/bf12345abc/8e7d6c5b4a39_complete.js | - | dynatrace-rum
        https://bf12345abc.live.dynatrace.com/bf                          | -    | dynatrace-rum
        https://www.dynatrace.com/platform/                               | -    | -
        //cdns.brsrvr.com/v1/br-trk-6342.js                               | -    | bloomreach-discovery
        https://gapl.hit.gemius.pl/xgemius.js                             | -    | gemius
        //spl.hit.gemius.pl/_1718000000000/redot.gif?id=bQrlq.xM8dHg&et=view | - | gemius
        https://www.gemius.pl/en/                                         | -    | -
        https://hit.gemius.pl.example.org/xgemius.js                      | -    | -
        //code.etracker.com/code/e.js                                     | -    | etracker
        https://static.etracker.com/code/e.js                             | -    | etracker
        https://static.etracker.com/images/etracker-logo.svg              | -    | -
        https://www.etracker.de/cnt.php?et=Ab12Cd&v=3.0&java=n&et_easy=0  | -    | etracker
        //www.etracker.de/cnt_css.php?et=Ab12Cd&v=4.0&java=n              | -    | etracker
        https://www.etracker.de/cntcc?et=Ab12Cd&v=2026.1&pagename=Home    | -    | etracker
        https://www.etracker.de/app?et=Ab12Cd                             | -    | -
        https://www.etracker.de/                                          | -    | -
        https://responder.wt-safetag.com/resp/api/get/111111111111111?url=https%3A%2F%2Fshop.example | - | mapp-tag-integration
        https://horska01.wt-eu02.net/111111111111111/wt?p=441,Home,0,0    | -    | mapp-intelligence
        //horska01.webtrekk.net/111111111111111/wt.pl?p=321,0             | -    | mapp-intelligence
        https://mapp.com/privacy-policy/                                  | -    | -
        https://cdn-gl.imrworldwide.com/conf/P0F44B381-FB60-4094-B9EF-0D98A982862B.js#name=nlsnInstance&ns=NOLBUNDLE | - | nielsen-dcr
        https://secure-us.imrworldwide.com/v60.js                         | -    | nielsen-dcr
        https://www.nielsen.com/legal/privacy-statement/                  | -    | -
        //counter.yadro.ru/hit?t44.6;r;s1920*1080*24;uhttps%3A//news.example/;0.734 | - | liveinternet
        https://www.liveinternet.ru/click                                 | -    | -
        https://informer.yandex.ru/informer/12345678/3_1_FFFFFFFF_EFEFEFFF_0_pageviews | - | yandex-metrica
        https://metrika.yandex.ru/stat/?id=12345678&from=informer         | -    | -
        https://mc.yandex.com.tr/watch/12345678                           | -    | yandex-metrica
        https://mc.yandex.uz/metrika/tag.js                               | -    | yandex-metrica
        https://yandex.com.tr/                                            | -    | -
        https://api-maps.yandex.ru/2.1/?apikey=0a1b&lang=tr_TR            | -    | -
        https://st.top100.ru/top100/top100.js                             | -    | rambler-top100
        //counter.rambler.ru/top100.cnt?pid=7654321                       | -    | rambler-top100
        https://kraken.rambler.ru/cnt/v2/?project_id=7654321              | -    | rambler-top100
        https://st.top100.ru/rating/css/main.css                          | -    | -
        https://s19.cnzz.com/z_stat.php?id=1278123456&web_id=1278123456   | -    | cnzz
        http://s9.cnzz.com/stat.php?id=986628&web_id=986628               | -    | cnzz
        https://c.cnzz.com/core.php?web_id=1278123456&t=z                 | -    | cnzz
        https://s9.cnzz.com/z.js?id=1281234567&async=1                    | -    | cnzz
        https://v1.cnzz.com/z.js?id=1281234567                            | -    | cnzz
        http://w.cnzz.com/c.php?id=30012345&l=3                           | -    | cnzz
        http://pw.cnzz.com/c.php?id=30012345&l=2                          | -    | cnzz
        https://www.cnzz.com/z.jsp                                        | -    | -
        https://www.cnzz.com/stat/website.php?web_id=1278123456           | -    | -
        https://sdk.51.la/js-sdk-pro.min.js?id=K8VYEj2Y&ck=K8VYEj2Y        | -    | 51la
        //js.users.51.la/21562325.js                                      | -    | 51la
        https://www.51.la/                                                | -    | -
        https://aml.valuecommerce.com/vcdal.js                            | -    | valuecommerce-linkswitch
        https://ck.jp.ap.valuecommerce.com/servlet/referral?sid=1&pid=2   | -    | -
        https://zgsdk.zhugeio.com/zhuge.min.js?v=20240101                 | -    | zhuge
        https://zhugeio.com/                                              | -    | -
        http://tajs.qq.com/stats?sId=12345678                             | -    | tencent-analytics
        https://pingjs.qq.com/h5/stats.js?v2.0.4                          | -    | tencent-analytics
        https://map.qq.com/api/gljs?v=1.exp                               | -    | -
        https://d.line-cdn.net/n/line_tag/public/release/v1/lt.js         | -    | line-tag
        https://stickershop.line-scdn.net/stickershop/v1/sticker/52002734/iPhone/sticker.png | -    | -
        https://wcs.pstatic.net/wcslog.js                                 | -    | naver-analytics
        https://ssl.pstatic.net/static/common/logo.png                    | -    | -
        https://vk.ru/rtrg?p=VK-RTRG-1234567-abCDe                        | -    | vk-ads
        https://vk.ru/js/api/openapi.js?169                               | -    | -
        http://d6.cf.b1.a0.top.mail.ru/counter?id=128740;t=49             | -    | vk-ads
        http://top.mail.ru/jump?from=128740                               | -    | -
        https://magaza.api.useinsider.com/ins.js?id=10001234              | -    | insider
        https://useinsider.com/                                           | -    | -
        https://d335luupugsy2.cloudfront.net/js/loader-scripts/0a1b2c3d-loader.js | -    | rd-station
        https://d335luupugsy2.cloudfront.net/js/rdstation-forms/stable/rdstation-forms.min.js | -    | -
        https://s1.kwai.net/kos/s101/nlav11187/pixel/events.js?sdkid=1    | -    | kwai-pixel
        https://s16-11187.ap4r.com/kos/s101/nlav11187/pixel/events.js     | -    | kwai-pixel
        https://s1.kwai.net/kos/s101/nlav11187/static/img/logo.png        | -    | -
        https://cdn.moengage.com/release/dc_1/moe_webSdk.min.latest.js    | -    | moengage
        https://www.moengage.com/                                         | -    | -
        https://widgets.in.webengage.com/js/webengage-min-v-6.0.js        | -    | webengage
        http://cdn.widgets.webengage.com/js/webengage-min-v-6.0.js        | -    | webengage
        https://webengage.com/                                            | -    | -
        https://cdnt.netcoresmartech.com/smartechclient.js                | -    | netcore-smartech
        https://netcorecloud.com/                                         | -    | -
        https://static.sensorsdata.cn/sdk/1.26.12/sensorsdata.min.js      | -    | sensors-data
        https://shop.datasink.sensorsdata.cn/sa?project=production&token=0a1b | -    | sensors-data
        http://shop.cloud.sensorsdata.cn:8106/sa?project=default          | -    | sensors-data
        https://shop.cloud.sensorsdata.cn/?project=default                | -    | -
        https://www.sensorsdata.cn/                                       | -    | -
        https://assets.giocdn.com/2.1/gio.js                              | -    | growingio
        http://assets.growingio.com/vds.js                                | -    | growingio
        https://www.growingio.com/                                        | -    | -
        https://statics.a8.net/a8sales/a8sales.js                         | -    | a8-net
        https://www13.a8.net/0.gif?a8mat=3ZABCD+1EFGHI+0K+10A5LT          | -    | a8-net
        https://px.a8.net/svt/ejp?a8mat=3ZABCD+1EFGHI+0K+10A5LT           | -    | -
        https://www26.a8.net/svt/bgt?aid=230123456789&wid=001             | -    | -
        https://js.ptengine.jp/0a1b2c3d.js                                | -    | ptengine
        http://cjs.ptengine.com/pta_en.js                                 | -    | ptengine
        https://www.ptengine.jp/                                          | -    | -
        https://t1.daumcdn.net/cssjs/common/cts/vr200/dcts.js             | -    | kakao-keyword-ads-conversion
        https://t1.daumcdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js | -    | -
        https://t1.daumcdn.net/kas/static/kp.js                           | -    | kakao-pixel
        https://ads-partners.coupang.com/widgets.html?id=123456&template=carousel | -    | coupang-partners
        https://link.coupang.com/a/bXyZ12                                 | -    | -
        https://js.monitor.azure.com/scripts/b/ai.3.gbl.min.js            | -    | azure-application-insights
        https://az416426.vo.msecnd.net/scripts/b/ai.2.min.js              | -    | azure-application-insights
        https://js.monitor.azure.com/scripts/c/ms.shared.min.js           | -    | -
        https://westeurope-5.in.applicationinsights.azure.com/v2/track    | -    | -
        https://www.datadoghq-browser-agent.com/eu1/v5/datadog-logs.js    | -    | -
        //cdn-4.convertexperiments.com/v1/js/10041234-10045678.js         | -    | convert-experiences
        https://10045678.metrics.convertexperiments.com/v1/track/10041234/10045678 | - | convert-experiences
        https://www.convert.com/pricing/                                  | -    | -
        https://www.googleoptimize.com/optimize.js?id=OPT-AB12CDE         | -    | google-optimize
        https://optimize.google.com/optimize/home/                        | -    | -
        https://s2.adform.net/banners/scripts/st/trackpoint-async.js      | -    | adform
        https://track.adform.net/Serving/TrackPoint/?pm=1234567&ADFPageName=Home&ADFdivider=%7C | - | adform
        https://site.adform.com/privacy-center/overview/                  | -    | -
        https://p.teads.tv/teads-fellow.js                                | -    | teads
        //a.teads.tv/page/123456/tag                                      | -    | teads
        https://www.teads.com/privacy-policy/                             | -    | -
        https://static.adsafeprotected.com/iasPET.1.js                    | -    | integral-ad-science
        https://pixel.adsafeprotected.com/services/pub?anId=927123        | -    | integral-ad-science
        https://integralads.com/                                          | -    | -
        https://pub.doubleverify.com/dvtag/21236410/DV464041/pub.js       | -    | doubleverify
        https://www.doubleverify.com/                                     | -    | -
        https://z.moatads.com/ampanalytics093284/iframe.html              | -    | moat
        https://notmoatads.com/x.js                                       | -    | -
        https://c.seznam.cz/js/rc.js                                      | -    | seznam-sklik
        //c.imedia.cz/js/retargeting.js                                   | -    | seznam-sklik
        https://c.imedia.cz/retargeting?id=123456                         | -    | seznam-sklik
        https://www.seznam.cz/                                            | -    | -
        https://koi-3QN9ABCDEF.marketingautomation.services/client/ss.js?ver=2.4.0 | - | sharpspring
        https://koi-3QN9ABCDEF.marketingautomation.services/net?trackingID=x | - | sharpspring
        https://app-3QN9ABCDEF.marketingautomation.services/webforms/receivePostback/MzawMDG1NDEzAAA/ | - | -
        https://koi-3QN9ABCDEF.marketingautomation.services/client/form.js?ver=2.0.1 | - | -
        https://secure.leadforensics.com/js/123456.js                     | -    | lead-forensics
        https://secure.leadforensics.com/123456.png                       | -    | lead-forensics
        https://www.leadforensics.com/                                    | -    | -
        https://serve.albacross.com/track.js                              | -    | albacross
        https://albacross.com/                                            | -    | -
        https://cdn.leadinfo.net/ping.js                                  | -    | leadinfo
        https://www.leadinfo.com/en/                                      | -    | -
        https://a.omappapi.com/app/js/api.min.js                          | -    | optinmonster
        https://a.omappapi.com/app/js/api.min.css                         | -    | optinmonster
        https://optinmonster.com/                                         | -    | -
        https://omappapi.com.example.org/app/js/api.min.js                | -    | -
        https://cdn.bizible.com/scripts/bizible.js                        | -    | marketo-measure
        https://cdn.bizible.com/ipv?_biz_r=&_biz_h=800054037&_biz_u=6cd305d6 | - | marketo-measure
        //cdn.bizibly.com/m/postscript                                    | -    | marketo-measure
        https://www.bizible.com/                                          | -    | -
        https://cdn.bizible.com.example.org/scripts/bizible.js            | -    | -
        https://va.vercel-scripts.com/v1/script.debug.js                  | -    | vercel-web-analytics
        https://va.vercel-scripts.com/v1/speed-insights/script.js         | -    | vercel-speed-insights
        https://va.vercel-scripts.com/v1/speed-insights/script.debug.js   | -    | vercel-speed-insights
        https://vitals.vercel-insights.com/v1/vitals                      | -    | vercel-speed-insights
        https://vercel.com/docs/analytics                                 | -    | -
        https://scdn.cxense.com/cx.js                                     | -    | piano-cxense
        http://cdn.cxense.com/cx.cce.js                                   | -    | piano-cxense
        https://scomcluster.cxense.com/Repo/rep.gif?ver=1&typ=pgv&sid=9222 | -   | piano-cxense
        https://www.cxense.com/                                           | -    | -
        https://cdn.counter.dev/script.js                                 | -    | counter-dev
        https://t.counter.dev/trackpage                                   | -    | counter-dev
        https://counter.dev/track?referrer=&screen=1920x1080&user=acme    | -    | counter-dev
        https://counter.dev/trackpage                                     | -    | counter-dev
        https://counter.dev/                                              | -    | -
        https://counter.dev/help/integration.html                         | -    | -
        https://counter.dev/tracking-guide                                | -    | -
        https://api.pirsch.io/pa.js                                       | -    | pirsch
        https://api.pirsch.io/pirsch-events.js                            | -    | pirsch
        https://pirsch.io/                                                | -    | -
        https://dashboard.pirsch.io/                                      | -    | -
        https://tinylytics.app/embed/5QhFsgM-mdxovUNCvS-o.js?events       | -    | tinylytics
        https://tinylytics.app/embed/JjqvUeyEnrPM1f_iXrbU/min.js?hits&beacon | - | tinylytics
        https://tinylytics.app/collector/r9xjks1Y65hJnkRx9b8S             | -    | tinylytics
        https://tinylytics.app/pixel/u5bRAyyJvMXUrz6zbTz5.gif             | -    | tinylytics
        https://tinylytics.app/public/cw1YY9KSGSE4XkEeXej7                | -    | -
        https://tinylytics.app/                                           | -    | -
        https://tinylytics.app/embedding-guide                            | -    | -
        https://cdn.dreamdata.cloud/scripts/analytics/v1/dreamdata.min.js | -    | dreamdata
        https://scripts.withcabin.com/hello.js                            | -    | cabin-analytics
        https://withcabin.com/                                            | -    | -
        https://swetrix.org/swetrix.js                                    | -    | swetrix
        https://api.swetrix.com/log/noscript?pid=GRxW5Lv9sQLD             | -    | swetrix
        https://swetrix.com/docs                                          | -    | -
        https://api.swetrix.com/v1/project                                | -    | -
        https://assets.customer.io/assets/track.js                        | -    | customer-io
        https://assets.customer.io/assets/track-eu.js                     | -    | customer-io
        https://cdp.customer.io/v1/analytics-js/snippet/0f1e2d3c4b5a69788796/analytics.min.js | - | customer-io
        https://cdp-eu.customer.io/v1/t                                   | -    | customer-io
        https://assets.customer.io/assets/logo.png                        | -    | -
        https://customer.io/docs/                                         | -    | -
        //d1l6p2sc9645hc.cloudfront.net/tracker.js                        | -    | gosquared
        https://data.gosquared.com/tracker/pageview?site_token=GSN-123456-A | -  | gosquared
        https://www.gosquared.com/                                        | -    | -
        https://d1l6p2sc9645hd.cloudfront.net/tracker.js                  | -    | -
        https://cdn.onesignal.com/sdks/web/v16/OneSignalSDK.page.js       | -    | onesignal
        https://api.onesignal.com/apps/5f3c2a1b-0d9e-4c8b-a7f6-e5d4c3b2a190/subscriptions | - | onesignal
        https://onesignal.com/                                            | -    | -
        https://documentation.onesignal.com/docs/web-sdk-reference        | -    | -
        https://fast.appcues.com/96123.js                                 | -    | appcues
        https://api.appcues.net/v1/accounts/96123/users/u-42/activity     | -    | appcues
        https://www.appcues.com/                                          | -    | -
        https://docs.appcues.com/install-appcues-web                      | -    | -
        https://js.userpilot.io/sdk/latest.js                             | -    | userpilot
        wss://analytex-eu.userpilot.io/socket                             | -    | userpilot
        https://analytex-eu.userpilot.io/v1/events                        | -    | userpilot
        https://run.userpilot.io/environment                              | -    | -
        https://userpilot.com/                                            | -    | -
        https://cdn.gbqofs.com/acme-bank/p/detector-dom.min.js            | -    | glassbox
        https://c2001.report.gbss.io/5ny045gc/glassbox/reporting/64155f70-7f25-739f/cls_report | - | glassbox
        https://www.glassbox.com/                                         | -    | -
        https://aucollector.tealeaf.ibmcloud.com/collector/collectorPost  | -    | acoustic-tealeaf
        https://cdn.decibelinsight.net/i/13579/224466/di.js               | -    | decibel
        //decibelinsight.net/i/13579/di.js                                | -    | decibel
        https://www.decibel.com/                                          | -    | -
        //cdn.callrail.com/companies/418273645/9c1e5a7b3d20f4e6a8b1/12/swap.js | - | callrail
        https://www.callrail.com/privacy                                  | -    | -
        https://solutions.invocacdn.com/js/invoca-latest.min.js           | -    | invoca
        https://www.invoca.com/                                           | -    | -
        https://developers.invoca.net/en/latest/web_integration/index.html | -   | -
        //58213.tctm.co/t.js                                              | -    | calltrackingmetrics
        https://www.calltrackingmetrics.com/                              | -    | -
        https://s.ksrndkehqnwntyxlhgto.com/104522.js                      | -    | whatconverts
        https://www.whatconverts.com/                                     | -    | -
        https://lptag.liveperson.net/tag/tag.js?site=12345678             | -    | liveperson
        https://lpcdn.lpsnmedia.net/le_unified_window/10.31.0/index.html  | -    | liveperson
        https://www.liveperson.com/                                       | -    | -
        //w.usabilla.com/1400b371716f.js                                  | -    | usabilla
        https://usabilla.com/                                             | -    | -
        https://fast.chameleon.io/messo/SXhM1amPRRoR2TPYuc50qIPxzw7E/messo.min.js | - | chameleon
        https://fast.trychameleon.com/messo/SXhM1amPRRoR2TPYuc50qIPxzw7E/messo.min.js | - | chameleon
        https://www.chameleon.io/                                         | -    | -
        /cdn-cgi/zaraz/s.js?z=JTdCJTIyZXhlY3V0ZWQ                         | -    | -
        https://d2r1yp2w7bby2u.cloudfront.net/js/clevertap.min.js         | -    | clevertap
        http://static.clevertap.com/js/a.js                               | -    | clevertap
        https://eu1.clevertap-prod.com/a?t=96&type=push&d=N4Ig            | -    | clevertap
        https://static.clevertap.com/images/logo.svg                      | -    | -
        https://clevertap.com/                                            | -    | -
        https://js.userflow.com/es2020/userflow.js                        | -    | userflow
        https://userflow.com/                                             | -    | -
        https://cdn.shopify.com/s/files/1/0276/4616/5110/t/3/assets/theme.js | - | -
        https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js      | -    | -
        //connect.facebook.net/en_US/fbevents.js                          | -    | meta-pixel
        ///connect.facebook.net/en_US/fbevents.js                         | -    | meta-pixel
        HTTPS://CONNECT.FACEBOOK.NET/en_US/fbevents.js                    | -    | meta-pixel
        HtTpS://Connect.Facebook.Net./en_US/fbevents.js                   | -    | meta-pixel
        https://www.facebook.com/tr?id=123&ev=PageView&noscript=1         | -    | meta-pixel
        https://www.facebook.com/tr/?id=123                               | -    | meta-pixel
        https://facebook.com/tr?id=1                                      | -    | meta-pixel
        https://www.facebook.com/acme                                     | -    | -
        //dynamic.criteo.com/js/ld/ld.js?a=12345                          | -    | criteo
        https://www.criteo.com/privacy/                                   | -    | -
        https://www.facebook.com/trending                                 | -    | -
        https://tag.aticdn.net/piano-analytics.js                         | -    | piano-analytics
        https://logs1412.xiti.com/hit.xiti?s=1                            | -    | piano-analytics
        https://a12345.pa-cd.com/event?s=1                                | -    | piano-analytics
        https://api-v3.tinypass.com/api/v3/page/track?url=x&aid=OpX4rT9qLm | - | piano-composer-tracking
        https://api-v3.tinypass.com/api/v3/access/list?aid=OpX4rT9qLm     | -    | -
        https://api-v3.tinypass.com/api/v3/page/tracker.js                | -    | -
        https://cdn.tinypass.com/api/tinypass.min.js                      | -    | -
        https://buy-eu.piano.io/api/v3/anon/user/get                      | -    | -
        https://script.ioam.de/iam.js                                     | -    | infonline
        https://cdn.attn.tv/acme/dtag.js                                  | -    | attentive
        https://platform-api.sharethis.com/js/sharethis.js#property=1     | -    | sharethis
        https://sharethis.com/pricing                                     | -    | -
        https://ads.pubmatic.com/AdServer/js/pwt/1/2/pwt.js               | -    | pubmatic
        https://pubmatic.com/careers                                      | -    | -
        https://micro.rubiconproject.com/prebid/dynamic/1.js              | -    | magnite
        https://js-sec.indexww.com/ht/p/1-2.js                            | -    | index-exchange
        https://us-u.openx.net/w/1.0/pd                                   | -    | openx
        https://cdn.permutive.com/acme-web.js                             | -    | permutive
        https://acme.edge.permutive.app/acme-web.js                       | -    | permutive
        https://tags.crwdcntrl.net/lt/c/1/lt.min.js                       | -    | lotame
        https://j.6sc.co/j/0a1b2c.js                                      | -    | 6sense
        https://tag.demandbase.com/abc.min.js                             | -    | demandbase
        https://www.demandbase.com/                                       | -    | -
        https://analytics.ahrefs.com/analytics.js                         | -    | ahrefs-analytics
        https://ahrefs.com/blog/                                          | -    | -
        https://queue.simpleanalyticscdn.com/noscript.gif                 | -    | simple-analytics
        https://sibautomation.com/sa.js?key=abc                           | -    | brevo-tracker
        https://cdn.brevo.com/js/sdk-loader.js                            | -    | brevo-tracker
        https://conversations-widget.brevo.com/brevo-conversations.js     | -    | -
        https://s.yimg.jp/images/listing/tool/cv/ytag.js                  | -    | yahoo-japan-ads
        https://s.yimg.jp/images/top/sp2/logo.png                         | -    | -
        https://s.yjtag.jp/tag.js#site=abc                                | -    | yahoo-japan-ads
        https://b92.yahoo.co.jp/search/?p=1                               | -    | yahoo-japan-ads
        https://nexus.ensighten.com/acme/prod/Bootstrap.js                | -    | ensighten
        https://www.dwin2.com/pub.1234.min.js                             | -    | awin
        https://xiti.com.example.org/x.js                                 | -    | -
        https://www.facebook.com/                                         | -    | -
        https://www.facebook.com/acme/../tr?id=1                          | -    | meta-pixel
        https://www.facebook.com//tr?id=1                                 | -    | meta-pixel
        ~  https://bat.bing.com/bat.js  ~                                 | -    | bing-uet
        ~\t\n https://bat.bing.com/bat.js\u0001~                          | -    | bing-uet
        ~https://bat.bi\tng.com/bat.js~                                   | -    | bing-uet
        ~https://bat.bi\nng.c\rom/bat.js~                                 | -    | bing-uet
        https:<BS><BS>bat.bing.com<BS>bat.js                              | -    | bing-uet
        https:/<BS>bat.bing.com/bat.js                                    | -    | bing-uet
        <BS><BS>bat.bing.com/bat.js                                       | -    | bing-uet
        <BS>/bat.bing.com/bat.js                                          | -    | bing-uet
        https://bat.bing.com/x?<BS><BS>evil                               | -    | bing-uet
        https://bat.bing.com:443/bat.js                                   | -    | bing-uet
        https://bat.bing.com..:443/bat.js                                 | -    | bing-uet
        ~ht\ttps://bat.bing.com/bat.js~                                   | -    | bing-uet
        ~https:/\n/bat.bing.com/bat.js~                                   | -    | bing-uet
        ~https://us\ter@bat.bing.com/bat.js~                              | -    | bing-uet
        ~https://WWW.FACEBOOK.COM/t\tr?id=1~                              | -    | meta-pixel
        https://www.facebook.com<BS>tr?id=1                               | -    | meta-pixel
        https://www.facebook.com/acme?next=<BS>tr                         | -    | -
        ~java\tscript:fbq(1)//connect.facebook.net~                       | https://www.facebook.com/ | -
        https://bat.bing.com:8080                                         | -    | bing-uet
        https://user:pw@bat.bing.com/action/0?ti=1                        | -    | bing-uet
        https://bat.bing.com@first-party.example/x                        | -    | -
        https://first-party.example/?next=https://bat.bing.com/          | -    | -
        https://first-party.example/#bat.bing.com                         | -    | -
        https://bat.bing.com?x=1                                          | -    | bing-uet
        https://bat.bing.com#frag                                         | -    | bing-uet
        https://%62at.bing.com/bat.js                                     | -    | bing-uet
        https://bat%2Ebing%2Ecom/bat.js                                   | -    | bing-uet
        https://ｂａｔ．ｂｉｎｇ．ｃｏｍ/bat.js                                | -    | bing-uet
        https://bat。bing。com/bat.js                                       | -    | bing-uet
        https://bat.bi%C2%ADng.com/bat.js                                 | -    | bing-uet
        https://bat.bing%E2%80%8B.com/bat.js                              | -    | bing-uet
        https://bat.bing.com%00.example/bat.js                            | -    | -
        https://bat.bing.com%2F.example/bat.js                            | -    | -
        https://bat.bing.com%3A443/bat.js                                 | -    | bing-uet
        https://xn--bt-1ia.bing.com/bat.js                                | -    | -
        https://bät.bing-com.example/bat.js                               | -    | -
        https://%ZZbat.bing.com/                                          | -    | -
        https://%ff%fe.bat.bing.com/                                      | -    | -
        https://www.%62ing.com/                                           | -    | -
        https://[2001:db8::1]/bat.js                                      | -    | -
        javascript:fbq('track','PageView')                                | -    | -
        JavaScript:void(0)//connect.facebook.net                          | -    | -
        data:text/html,<script src=https://connect.facebook.net/x></script> | -  | -
        mailto:privacy@hotjar.com                                         | -    | -
        ftp://static.hotjar.com/c/hotjar.js                               | -    | -
        wss://ws.hotjar.com/api/v2/client/ws                              | -    | hotjar
        ~~                                                                | -    | -
        ~   ~                                                             | -    | -
        /gtm.js?id=GTM-X                                                  | -    | -
        /gtm.js?id=GTM-X                                                  | https://shop.example/ | -
        gtm.js?id=GTM-X                                                   | https://www.googletagmanager.com/ | google-tag
        /tr?id=1                                                          | https://www.facebook.com/acme | meta-pixel
        tr?id=1                                                           | https://www.facebook.com/acme | meta-pixel
        tr?id=1                                                           | https://www.facebook.com/acme/ | -
        tr?id=1                                                           | https://www.facebook.com/page/x | -
        ?id=1                                                             | https://www.facebook.com/tr | meta-pixel
        ../tr?id=1                                                        | https://www.facebook.com/acme/x | meta-pixel
        images/logo.png                                                   | https://cdn.example/ | -
        https://www.google.com/pagead/1p-conversion/123/?label=x          | -    | google-ads
        https://www.google.com/search?q=pagead                            | -    | -
        https://www.google.com/recaptcha/api.js                           | -    | -
        https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1 | -   | doubleclick
        https://ad.doubleclick.net/ddm/activity/src=1;type=x              | -    | doubleclick
        https://fls.doubleclick.net/activityi;src=1                       | -    | doubleclick
        https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js    | -    | google-adsense
        https://www.googleadservices.com/pagead/conversion.js             | -    | google-ads
        https://www.google.de/pagead/1p-user-list/987654321/?random=1     | -    | google-ads
        https://www.google.co.uk/pagead/1p-conversion/987654321/?cv=11    | -    | google-ads
        //www.google.com.au/pagead/1p-user-list/1/?fmt=3                  | -    | google-ads
        https://google.co.jp/pagead/landing?gclid=x                      | -    | google-ads
        https://www.google.com.br/pagead/1p-user-list/1/                  | -    | google-ads
        https://www.google.ch/pagead/1p-user-list/1/                      | -    | google-ads
        https://www.google.com.mx/pagead/1p-user-list/1/                  | -    | google-ads
        https://www.google.de/                                            | -    | -
        https://www.google.de/search?q=pagead                             | -    | -
        https://www.google.de/maps/place/Berlin                           | -    | -
        https://www.google.co.uk/pageadx/1                                | -    | -
        https://www.google.de.example.org/pagead/1p-user-list/1/          | -    | -
        https://google.com.au.example/pagead/1p-user-list/1/              | -    | -
        https://www.notgoogle.de/pagead/1p-user-list/1/                   | -    | -
        https://www.google.com/ccm/collect?en=page_view&tid=AW-123        | -    | google-ads
        https://www.google.com/ccm/collection                             | -    | -
        https://www.google.de/ccm/collect?en=page_view                    | -    | -
        https://t.co/i/adsct?txn_id=x                                     | -    | x-pixel
        https://t.co/AbCdEf                                               | -    | -
        https://twitter.com/acme                                          | -    | -
        https://s.pinimg.com/ct/core.js                                   | -    | pinterest-tag
        https://s.pinimg.com/images/pin.png                               | -    | -
        https://www.youtube.com/embed/abc                                 | -    | -
        https://js.sentry-cdn.com/abc.min.js                              | -    | -
        https://analytics.google.com/g/collect?v=2                        | -    | google-analytics
        https://analytics.google.com/analytics/web/                       | -    | -
        https://mc.yandex.ru/metrika/tag.js                               | -    | yandex-metrica
        https://acme.matomo.cloud/matomo.js                               | -    | matomo
        https://cdn.matomo.cloud/acme.matomo.cloud/matomo.js              | -    | matomo
        https://cdn.matomo.cloud/acme.matomo.cloud/container_VPsOumJZ.js  | -    | matomo
        https://acme.matomo.cloud/matomo.php?idsite=1&rec=1               | -    | matomo
        https://acme.matomo.cloud/piwik.php?idsite=1&rec=1                | -    | matomo
        https://acme.matomo.cloud/piwik.js                                | -    | matomo
        https://acme.matomo.cloud/index.php?module=CoreAdminHome&action=optOutJS&divId=matomo-opt-out | - | -
        https://acme.matomo.cloud/index.php?module=CoreAdminHome&action=optOut&language=auto | - | -
        https://acme.matomo.cloud/                                        | -    | -
        https://acme.matomo.cloud/matomo.php.html                         | -    | -
        https://sc-static.net/scevent.min.js                              | -    | snap-pixel
        https://sc-static.net/scevent.min.jsx                             | -    | -
        https://plausible.io/js/script.js                                 | -    | plausible
        https://datafa.st/js/script.js                                    | -    | datafast
        https://datafa.st/js/script.cookieless.js                         | -    | datafast
        //datafa.st/api/events                                            | -    | datafast
        https://datafa.st/                                                | -    | -
        https://datafa.st/docs/script-configuration                       | -    | -
        https://datafa.st/api/v1/analytics/overview                       | -    | -
        https://datafa.st/api/eventsource                                 | -    | -
        https://notdatafa.st/js/script.js                                 | -    | -
        https://plausible.io/js/pa-XyZ12abCDef3456ghIJkL.js               | -    | plausible
        https://plausible.io/js/pa-Qm7-tR2_vXw9Lp4kZs8Nd.js?v=2           | -    | plausible
        https://plausible.io/api/event                                    | -    | plausible
        https://plausible.io/                                             | -    | -
        https://plausible.io/privacy-focused-web-analytics                | -    | -
        https://www.redditstatic.com/ads/pixel.js                         | -    | reddit-pixel
        https://www.redditstatic.com/desktop2x/img/favicon.png            | -    | -
        https://s.yimg.com/wi/ytc.js                                      | -    | yahoo-ads
        https://s.yimg.com/ny/api/res/1.2/x.jpg                           | -    | -
        https://static.hotjar.com/c/hotjar-3216549.js?sv=6                | -    | hotjar
        https://www.hotjar.com/pricing                                    | -    | -
        https://cdn.us.heap-api.com/config/3141592653/heap_config.js      | -    | heap
        //cdn.eu.heap-api.com/config/3141592653/heap_config.js            | -    | heap
        https://cdn.heapanalytics.com/js/heap-3141592653.js               | -    | heap
        https://notheap-api.com/x.js                                      | -    | -
        https://heap-api.com.example.org/x.js                             | -    | -
        https://www.heap.io/pricing                                       | -    | -
        https://cdn.eu.amplitude.com/script/0123abcd.js                   | -    | amplitude
        https://api.eu.amplitude.com/2/httpapi                            | -    | amplitude
        https://amplitude.com/pricing                                     | -    | -
        https://app.amplitude.com/analytics/acme                          | -    | -
        https://cdn.eu.amplitude.com.example.org/x.js                     | -    | -
        https://www.fullstory.com/s/fs.js                                 | -    | fullstory
        https://fullstory.com/s/fs.js?v=1                                 | -    | fullstory
        https://edge.fullstory.com/s/fs.js                                | -    | fullstory
        https://www.fullstory.com/s/fs.json                               | -    | -
        https://www.fullstory.com/s/                                      | -    | -
        https://www.fullstory.com/platform/session-replay                 | -    | -
        https://cdn.lr-in-prod.com/LogRocket.min.js                       | -    | logrocket
        https://cdn.logrocket.io/LogRocket.min.js                         | -    | logrocket
        https://cdn.lr-ingest.io/LogRocket.min.js                         | -    | logrocket
        https://r.lr-ingest.io/i?a=acme%2Fshop                            | -    | logrocket
        https://cdn.lr-ingest.com/LogRocket.min.js                        | -    | logrocket
        https://cdn.lr-in.com/LogRocket.min.js                            | -    | logrocket
        https://logrocket.com/pricing                                     | -    | -
        https://blog.logrocket.com/some-post/                             | -    | -
        https://notlr-ingest.io/x.js                                      | -    | -
        https://lr-in.com.example.org/x.js                                | -    | -
        https://web-sdk.smartlook.com/recorder.js                         | -    | smartlook
        https://rec.smartlook.com/recorder.js                             | -    | smartlook
        https://web-writer.eu.smartlook.cloud/rec/v2/write                | -    | smartlook
        https://www.smartlook.com/                                        | -    | -
        https://help.smartlook.com/docs                                   | -    | -
        https://static.cloudflareinsights.com/beacon.min.js               | -    | cloudflare-web-analytics
        https://cloudflareinsights.com/cdn-cgi/rum                        | -    | cloudflare-web-analytics
        https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js | -    | -
        https://www.cloudflare.com/web-analytics/                         | -    | -
        https://challenges.cloudflare.com/turnstile/v0/api.js             | -    | -
        https://cloudflareinsights.com.example.org/beacon.min.js          | -    | -
        https://cdn.usefathom.com/script.js                               | -    | fathom
        https://usefathom.com/pricing                                     | -    | -
        https://cdn.usefathom.com.example.org/script.js                   | -    | -
        https://cloud.umami.is/script.js                                  | -    | umami
        https://analytics.umami.is/script.js                              | -    | umami
        https://api-gateway.umami.dev/api/send                            | -    | umami
        https://umami.is/docs                                             | -    | -
        https://stats.shop.example/script.js                              | -    | -
        https://acme.containers.piwik.pro/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b.js | - | piwik-pro-tag-manager
        https://acme.containers.piwik.pro/noscript.html?id=0f1e2d3c       | -    | piwik-pro-tag-manager
        https://piwik.pro/                                                | -    | -
        https://help.piwik.pro/support/                                   | -    | -
        https://notcontainers.piwik.pro/x.js                              | -    | -
        https://tags.tiqcdn.com/utag/acme/main/prod/utag.js               | -    | tealium-iq
        //tags.tiqcdn.com/utag/acme/main/prod/utag.sync.js                | -    | tealium-iq
        https://collect.tealiumiq.com/event                               | -    | tealium-iq
        https://datacloud.tealiumiq.com/acme/main/2/i.gif                 | -    | tealium-iq
        https://visitor-service.tealiumiq.com/acme/main/017f2a            | -    | tealium-iq
        https://tealium.com/products/tealium-iq-tag-management-system/    | -    | -
        https://my.tealiumiq.com/tms                                      | -    | -
        https://tiqcdn.com.example.org/utag.js                            | -    | -
        https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=AbC123 | -    | klaviyo
        https://a.klaviyo.com/media/js/analytics/analytics.js             | -    | klaviyo
        https://fast.a.klaviyo.com/media/js/onsite/onsite.js              | -    | klaviyo
        https://a.klaviyo.com/client/events/?company_id=AbC123            | -    | klaviyo
        https://a.klaviyo.com/client/event-bulk-create?company_id=AbC123  | -    | klaviyo
        https://a.klaviyo.com/api/track?data=eyJ0b2tlbiI6IkFiQyJ9         | -    | klaviyo
        https://a.klaviyo.com/api/identify?data=eyJ0b2tlbiI6IkFiQyJ9      | -    | klaviyo
        https://a.klaviyo.com/client/subscriptions/?company_id=AbC123     | -    | -
        https://a.klaviyo.com/client/back-in-stock-subscriptions/?company_id=AbC123 | - | -
        https://a.klaviyo.com/client/profiles/?company_id=AbC123          | -    | -
        https://a.klaviyo.com/client/eventsource                          | -    | -
        https://www.klaviyo.com/                                          | -    | -
        https://notklaviyo.com/onsite/js/klaviyo.js                       | -    | -
        https://static.notklaviyo.com/onsite/js/klaviyo.js                | -    | -
        https://klaviyo.com.example.org/onsite/js/klaviyo.js              | -    | -
        https://static.klaviyo.com.example.org/onsite/js/klaviyo.js       | -    | -
        https://s.adroll.com/j/roundtrip.js                               | -    | adroll
        https://d.adroll.com/cm/g/out?advertisable=ABC                    | -    | adroll
        https://www.adroll.com/                                           | -    | -
        https://pi.pardot.com/pd.js                                       | -    | pardot
        https://cdn.pardot.com/pd.js                                      | -    | pardot
        https://go.pardot.com/l/12345/2024-01-01/abc                      | -    | -
        https://www.pardot.com/                                           | -    | -
        https://munchkin.marketo.net/munchkin.js                          | -    | marketo-munchkin
        https://123-abc-456.mktoresp.com/webevents/visitWebPage?_mchId=1  | -    | marketo-munchkin
        https://app-ab12.marketo.com/js/forms2/js/forms2.min.js           | -    | -
        https://ws.zoominfo.com/pixel/0123abcd                            | -    | zoominfo
        https://js.zi-scripts.com/zi-tag.js                               | -    | zoominfo
        https://www.zoominfo.com/                                         | -    | -
        https://sc.lfeeder.com/lftracker_v1_AbCdEfGh.js                   | -    | leadfeeder
        https://tr.lfeeder.com/?sid=AbCdEfGh                              | -    | leadfeeder
        https://www.leadfeeder.com/                                       | -    | -
        https://www.dealfront.com/                                        | -    | -
        https://tag.clearbitscripts.com/v1/pk_0123abcd/tags.js            | -    | clearbit
        https://x.clearbitjs.com/v2/pk_0123abcd/destinations.min.js       | -    | clearbit
        https://logo.clearbit.com/acme.example                            | -    | -
        https://clearbit.com/                                             | -    | -
        https://www.dwin1.com/12345.js                                    | -    | awin
        https://www.awin1.com/sread.img?tt=ns&tv=2&merchant=12345         | -    | awin
        https://www.awin.com/gb/privacy                                   | -    | -
        https://tags.srv.stackadapt.com/events.js                         | -    | stackadapt
        https://srv.stackadapt.com/conv?cid=AbC&conv_id=1                 | -    | stackadapt
        https://www.stackadapt.com/                                       | -    | -
        https://cdn.pdst.fm/ping.min.js                                   | -    | podsights
        https://pdst.fm/e/traffic.megaphone.fm/ABC1234567.mp3             | -    | -
        https://podsights.com/                                            | -    | -
        https://d34r8q7sht0t9k.cloudfront.net/tag.js                      | -    | podscribe
        https://d3e54v103j8qbb.cloudfront.net/js/jquery-3.5.1.min.js      | -    | -
        https://podscribe.com/                                            | -    | -
        https://j.northbeam.io/ota-sp/3c1f6a2e-8b7d-4e21-9f0a-52d6c4b1e9a7.js | - | northbeam
        //j.northbeam.io/vendor/nb-sp.min.js                              | -    | northbeam
        https://www.northbeam.io/                                         | -    | -
        https://j.northbeam.io.cdn.example/ota-sp/client.js               | -    | -
        https://api.config-security.com/first?host=maple-goods.myshopify.com&plat=SHOPIFY | - | triple-whale
        https://conf.config-security.com/model                            | -    | triple-whale
        https://www.triplewhale.com/                                      | -    | -
        https://config-security.com.example/model                         | -    | -
        https://d2hrivdxn8ekm8.cloudfront.net/tag-manager/8a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d-latest.js | - | tatari
        https://d2hrivdxn8ekm8.cloudfront.net/tracker-latest.min.js       | -    | tatari
        https://www.tatari.tv/                                            | -    | -
        https://js.driftt.com/include/1717000000000/abc123xyz.js          | -    | drift
        https://js.driftt.com/core?embedId=abc123xyz                      | -    | drift
        https://event.api.drift.com/track                                 | -    | drift
        https://www.drift.com/                                            | -    | -
        https://drift.com/pricing                                         | -    | -
        https://notdriftt.com/include/x.js                                | -    | -
        https://js.driftt.com.example.org/include/x.js                    | -    | -
        https://cdn.scarabresearch.com/js/1A2B3C4D5E6F7A8B/scarab-v2.js   | -    | sap-emarsys
        //recommender.scarabresearch.com/merchants/1A2B3C4D5E6F7A8B/?pv=1 | -    | sap-emarsys
        https://recommender.predict.emarsys.cn/js/1A2B3C4D/scarab-v2.js   | -    | sap-emarsys
        https://cdn.scarabresearch.com.example.org/js/1A2B/scarab-v2.js   | -    | -
        https://www.emarsys.com/                                          | -    | -
        https://help.emarsys.com/hc/en-us/articles/115003972114           | -    | -
        https://cdn.cquotient.com/js/v2/gretel.min.js                     | -    | salesforce-commerce-einstein
        https://api.cquotient.com/v3/activities/bkxs-RefArch/viewProduct  | -    | salesforce-commerce-einstein
        https://cquotient.com.example.org/js/v2/gretel.min.js             | -    | -
        https://cdn.cquotient.com.example.org/js/v2/gretel.min.js         | -    | -
        https://notcquotient.com/js/v2/gretel.min.js                      | -    | -
        /on/demandware.static/Sites-RefArch-Site/-/en_US/v1/internal/jscript/dwanalytics-22.2.js | https://www.shop.example/ | -
        https://cdn.evgnet.com/beacon/northwind/retail_prod/scripts/evergage.min.js | - | salesforce-interactions
        https://northwind.us-5.evergage.com/api2/event/retail_prod?event=e30 | - | salesforce-interactions
        https://www.evergage.com/                                         | -    | -
        https://northwind.us-5.evergage.com/ui/#/dashboard                | -    | -
        https://cdn.c360a.salesforce.com/beacon/c360a/0f1e2d3c/scripts/c360a.min.js | - | salesforce-interactions
        https://www.salesforce.com/products/personalization/              | -    | -
        https://cdn.c360a.salesforce.com/assets/logo.svg                  | -    | -
        https://d1mj578wat5n4o.cloudfront.net/boxever-1.4.9.min.js        | -    | sitecore-cdp
        https://d1mj578wat5n4o.cloudfront.net/sitecore-engage-v.1.4.3.min.js | - | sitecore-cdp
        https://d35vb5cccm4xzp.cloudfront.net/web-flow-libs/bx-flow.min.js | -    | sitecore-cdp
        https://api.boxever.com/v1.2/event/create.json?client_key=pqsMRDN&message=%7B%7D | - | sitecore-cdp
        https://d1mj578wat5n4o.cloudfront.net.example/boxever-1.4.9.min.js | -    | -
        https://d1cloudfront.net/boxever-1.4.9.min.js                     | -    | -
        https://www.boxever.com/                                          | -    | -
        https://www.sitecore.com/products/personalize                     | -    | -
        https://edge.sitecorecloud.io/api/graphql/v1                      | -    | -
        https://analytics-js-cdn.liferay.com                              | -    | liferay-analytics-cloud
        https://analytics-js-cdn.liferay.com/                             | -    | liferay-analytics-cloud
        https://osbasahpublisher-ac-europewest3.lfr.cloud/identity        | -    | liferay-analytics-cloud
        https://analytics.liferay.com/workspace/1/sites                   | -    | -
        https://learn.liferay.com/w/analytics-cloud/index                 | -    | -
        https://www.liferay.com/                                          | -    | -
        https://webserver-northwind-prd.lfr.cloud/web/guest/home          | -    | -
        https://analytics-js-cdn.liferay.com.example.org/                 | -    | -
        https://api.exponea.com/js/exponea.min.js                         | -    | bloomreach-engagement
        https://api.eu1.exponea.com/bulk                                  | -    | bloomreach-engagement
        https://www.bloomreach.com/en/products/engagement                 | -    | -
        https://documentation.bloomreach.com/engagement/docs/integration  | -    | -
        https://api.exponea.com.example.org/js/exponea.min.js             | -    | -
        https://tag.static.us.context.cloud.sap/js/profile-tag.js         | -    | sap-commerce-profile-tag
        https://tag.static.eu.context.cloud.sap/config/0f1e2d3c           | -    | sap-commerce-profile-tag
        https://api.us.context.cloud.sap/strategy/acme/strategies/1/products | - | -
        https://rdrect-eur1.mkt.dynamics.com/webtracking/WebTracking/WebTracking.bundle.js | - | dynamics-365-marketing
        https://cxppusa1rdrect01sa02cdn-endpoint.azureedge.net/webtracking/WebTracking/WebTracking.bundle.js | - | dynamics-365-marketing
        https://rdrect-usa1.mkt.dynamics.com/0a1b2c3d/l/Ab12Cd34          | -    | -
        https://formui-usa1.mkt.dynamics.com/eur/FormLoader/FormLoader.bundle.js | - | -
        https://public-usa.mkt.dynamics.com/api/v1.0/orgs/0a1b/landingpageforms | - | -
        https://mobile.events.data.microsoft.com/OneCollector/1.0/        | -    | -
        https://cdn.tagcommander.com/4321/tc_ShopExample_12.js            | -    | commanders-act
        //cdn.tagcommander.com/4321/tc_ShopExample_2.js?rn=20240518       | -    | commanders-act
        https://CDN.TagCommander.com/%34321/tc_ShopExample_12.js          | -    | commanders-act
        https://redirect4321.tagcommander.com/utils/noscript.php?id=3&mode=iframe | - | commanders-act
        https://shopexample.commander1.com/cs3/?tcs=4321&chn=SEO          | -    | commanders-act
        https://engage.commander1.com/dms?tcs=4321                        | -    | commanders-act
        https://cdn.tagcommander.com/privacy/template/index.htm           | -    | -
        https://cdn.tagcommander.com/privacy/4321/privacy_v2_7.js         | -    | -
        https://cdn.tagcommander.com/cookie-scanner/4321/v1/cookies-en.html | -  | -
        https://cdn.tagcommander.com/4321x/tc_ShopExample_12.js           | -    | -
        https://cdn.tagcommander.com/tc_ShopExample_12.js                 | -    | -
        https://cdn.trustcommander.net/privacy/4321/privacy_v2_7.js       | -    | -
        https://privacy.commander1.com/privacy-consent/?site=4321         | -    | -
        https://manager.commander1.com/privacyHit.php?id=4321             | -    | -
        https://www.commandersact.com/en/                                 | -    | -
        https://cdn.tagcommander.com.example.org/4321/tc_ShopExample_12.js | -   | -
        https://assets.adobedtm.com/7f3e2a9c41d0/5b8c0d2e9a11/launch-1d4e7c9b2f60.min.js | - | adobe-launch
        https://assets.adobedtm.com/7f3e2a9c41d0/5b8c0d2e9a11/launch-1d4e7c9b2f60-development.min.js | - | adobe-launch
        https://edge.adobedc.net/ee/v2/interact?configId=0f1e2d3c          | -    | adobe-web-sdk
        https://cdn1.adoberesources.net/alloy/2.19.1/alloy.min.js         | -    | adobe-web-sdk
        https://cdn1.adoberesources.net/content-analytics/1.0.0/x.min.js  | -    | -
        https://adobedc.demdex.net/ee/v2/identity/acquire                 | -    | adobe-audience-manager
        https://northwind.data.adobedc.net/b/ss/nwoprod/1/JS-2.22.0/s123  | -    | adobe-analytics
        https://northwindoutdoors.112.2o7.net/b/ss/nwoprod/1/H.27--NS/0   | -    | adobe-analytics
        https://northwind.sc.omtrdc.net/b/ss/nwoprod/1/JS-2.22.0/s123     | -    | adobe-analytics
        https://northwind.tt.omtrdc.net/rest/v1/delivery?client=northwind | -    | adobe-target
        https://northwind.tt.omtrdc.net.example.org/rest/v1/delivery      | -    | -
        https://experienceleague.adobe.com/en/docs/target-dev/developer/client-side/at-js-implementation/overview | - | -
        https://api-na1.hubapi.com/scriptloader/v1/12345678.js?shop=maple-goods.myshopify.com | - | hubspot
        https://api-eu1.hubapi.com/scriptloader/v1/26000451.js            | -    | hubspot
        https://api.hubapi.com/crm/v3/objects/contacts?limit=10           | -    | -
        https://api-na1.hubapi.com/filemanager/api/v3/files/upload        | -    | -
        https://api-na1.hubapi.com/scriptloaders/v1/12345678.js           | -    | -
        https://hubapi.com.cdn.example/scriptloader/v1/12345678.js        | -    | -
        https://bingshoppingtool-t2app-prod.trafficmanager.net/uet/tracking_script?shop=maple-goods.myshopify.com | - | bing-uet
        https://bingshoppingtool-t2app-prod.trafficmanager.net/api/shop/settings | - | -
        https://contoso-storefront.trafficmanager.net/uet/tracking_script?shop=maple-goods.myshopify.com | - | -
        https://trafficmanager.net/uet/tracking_script                    | -    | -
        https://intg.snapchat.com/shopify/shopify-scevent-init.js?id=3f1c9a2e-7b4d-4e8f-a6c5-0d9b8e7f6a51 | - | snap-pixel
        https://intg.snapchat.com/woocommerce/admin/settings              | -    | -
        https://static.shareasale.com/json/shopify/deduplication.js?v=2   | -    | shareasale
        https://static.shareasale.com/image/48213/728x90_spring.jpg       | -    | -
        https://assets1.adroll.com/shopify/latest/j/shopify_rolling_bundle.js?adroll_adv_id=ABCDEFGHIJ | - | adroll
        https://assets1.adroll.com/images/adroll-logo.svg                 | -    | -
        https://embed.tawk.to/64a1b2c3d4e5f60718293a4b/1h5k9q2rz          | -    | tawk-to
        https://va.tawk.to/log-performance/v3                             | -    | tawk-to
        https://www.tawk.to/knowledgebase/                                | -    | -
        https://client.crisp.chat/l.js                                    | -    | crisp
        https://crisp.chat/en/pricing/                                    | -    | -
        //code.tidio.co/kx3vq9b0mz1t4h7w2ya6fjd8.js                       | -    | tidio
        https://static.zdassets.com/ekr/snippet.js?key=6f4c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098 | - | zendesk-web-widget
        https://static.zdassets.com/web_widget/messenger/latest/web-widget-main-4d2c.js | - | zendesk-web-widget
        https://ekr.zdassets.com/compose/6f4c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098 | - | zendesk-web-widget
        https://static.zdassets.com/hc/assets/hc_enduser-6a0d3f.js        | -    | -
        https://maplegoods.zendesk.com/hc/en-us/articles/360012345678     | -    | -
        https://cdn.livechatinc.com/tracking.js                           | -    | livechat
        https://secure.livechatinc.com/licence/12345678/v2/open_chat.cgi  | -    | livechat
        https://static.olark.com/jsclient/loader.js                       | -    | olark
        https://www.olark.com/help/                                       | -    | -
        https://t.seedtag.com/t/4832-1057-01.js                           | -    | seedtag
        https://s.seedtag.com/c/hb/bid                                    | -    | seedtag
        https://www.seedtag.com/en/                                       | -    | -
        https://ap.lijit.com/rtb/bid?src=prebid                           | -    | sovrn
        https://ap.lijit.com/www/delivery/fpi.js?z=472819&width=300&height=250 | - | sovrn
        https://cdn.id5-sync.com/api/1.0/id5-api.js                       | -    | id5
        https://id5-sync.com/g/v2/1139.json                               | -    | id5
        https://lb.eu-1-id5-sync.com/lb/v1                                | -    | id5
        https://id5.io/universal-id/                                      | -    | -
        https://cdn.prod.uidapi.com/uid2-sdk-3.4.5.js                     | -    | uid2
        https://prod.uidapi.com/v2/token/client-generate                  | -    | uid2
        https://cdn.prod.euid.eu/euid-sdk-3.3.0.js                        | -    | uid2
        https://euid.eu/                                                  | -    | -
        https://unifiedid.com/docs/intro                                  | -    | -
        https://btlr.sharethrough.com/universal/v1?supply_id=Xq3bT9pL     | -    | sharethrough
        //native.sharethrough.com/assets/sfp.js                           | -    | sharethrough
        https://match.sharethrough.com/FGMrCMMc/v1                        | -    | sharethrough
        https://www.sharethrough.com/publishers                           | -    | -
        https://ib.3lift.com/ttj?inv_code=news_example_main               | -    | triplelift
        https://tlx.3lift.com/header/auction?lib=prebid                   | -    | triplelift
        https://eb2.3lift.com/sync?gdpr=1                                 | -    | triplelift
        https://triplelift.com/platform/                                  | -    | -
        https://ad.yieldlab.net/d/5220336/1381604/300x250?ts=1717171717   | -    | yieldlab
        https://ad.yieldlab.net/yp/5220336?json=true                      | -    | yieldlab
        https://www.yieldlab.com/                                         | -    | -
        https://macro.adnami.io/macro/spec/adsm.macro.7c1e9a2b-4d3f-4e8a-b6c5-0f9e8d7c6b5a.js | - | adnami
        https://adnami.io/formats/                                        | -    | -
        https://static-de.plista.com/async.js                             | -    | plista
        https://static.plista.com/async.js?v=2                            | -    | plista
        https://www.plista.com/about/                                     | -    | -
        https://static-de.plista.com/async/min.js                         | -    | -
        https://ced.sascdn.com/tag/2417/smart.js                          | -    | equativ
        https://www8.smartadserver.com/genericpost                        | -    | equativ
        https://prg.smartadserver.com/prebid/v1                           | -    | equativ
        https://g2.gumgum.com/hbev                                        | -    | gumgum
        https://js.gumgum.com/services.js                                 | -    | gumgum
        https://gumgum.com/contextual-advertising                         | -    | -
        https://s.ntv.io/serve/load.js                                    | -    | nativo
        https://jadserve.postrelease.com/trk.gif?ntv_at=3                 | -    | nativo
        https://pl.adocean.pl/files/js/ado.js                             | -    | adocean
        https://myao.adocean.pl/_1718000000000/ad.js?id=Kq0Zbm1PBn           | - | adocean
        https://adocean.pl.example.org/files/js/ado.js                    | -    | -
        https:tr?id=1                                                     | https://www.facebook.com/ | meta-pixel
        https:/tr?id=1                                                    | https://www.facebook.com/x/ | meta-pixel
        HTTPS:tr?id=1                                                     | https://www.facebook.com/ | meta-pixel
        https:tr?id=1                                                     | http://www.facebook.com/ | -
        https:tr?id=1                                                     | -    | -
        https:                                                            | https://connect.facebook.net/ | meta-pixel
        https:connect.facebook.net/x.js                                   | https:facebook.com/tr | meta-pixel
        https://xn--8ja.facebook.com/tr?id=1                              | -    | meta-pixel
        https://\u01dd.facebook.com/tr?id=1                               | -    | meta-pixel
        https://www.facebook.\u01ddcom/tr?id=1                            | -    | -
        """)
    void matchesUrlsLikeABrowserParsesThem(String url, String base, String expected) {
        String u = unescape(url);
        TrackerMatch m = CATALOG.matchUrl(u, "-".equals(base) ? null : base);
        assertEquals(expected, m == null ? "-" : m.tracker().id(), () -> "url <" + u + ">");
    }

    private static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\\u0001", "\u0001")
                .replace("<BS>", "\\");
    }

    @Test
    void nullUrlIsNotATracker() {
        assertNull(CATALOG.matchUrl(null, null));
        assertNull(CATALOG.matchUrl(null, "https://www.googletagmanager.com/"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        https://www.googletagmanager.com/gtag/js?id=G-ABC123DEF4          | analytics
        https://www.googletagmanager.com/gtag/js?id=UA-1234-1             | analytics
        https://www.googletagmanager.com/gtag/js?id=AW-123456789          | marketing
        https://www.googletagmanager.com/gtag/js?id=DC-1234567            | marketing
        https://www.googletagmanager.com/gtm.js?id=GTM-ABCD12             | analytics,marketing
        https://www.googletagmanager.com/ns.html?id=GTM-ABCD12            | analytics,marketing
        https://www.googletagmanager.com/gtag/js?l=dataLayer&id=G-ABC123DEF4 | analytics
        https://www.googletagmanager.com/gtag/js?id=g-abc123def4          | analytics
        https://www.googletagmanager.com/gtag/js                          | analytics,marketing
        https://www.googletagmanager.com/gtag/js?id=X-123                 | analytics,marketing
        https://www.googletagmanager.com/gtag/js?id=G-                    | analytics,marketing
        https://www.googletagmanager.com/gtag/js?id=G-ABC123              | analytics,marketing
        https://www.googletagmanager.com/gtag/js?id=AW-1                  | analytics,marketing
        https://www.googletagmanager.com/gtag/js?xid=AW-1&id=G-ABC123DEF4 | analytics
        https://www.googletagmanager.com/gtag/js#?id=G-ABC                | analytics,marketing
        """)
    void refinesCategoriesByTagIdInTheUrl(String url, String categories) {
        TrackerMatch m = CATALOG.matchUrl(url, null);
        assertNotNull(m);
        assertEquals("google-tag", m.tracker().id());
        assertEquals(parse(categories), m.categories());
    }

    static Set<Category> parse(String list) {
        return list.isBlank() ? EnumSet.noneOf(Category.class)
                : java.util.Arrays.stream(list.split(","))
                        .map(s -> Category.fromId(s).orElseThrow())
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    }

    @Test
    void returnsTheSameMatchInstanceForRepeatedHits() {
        TrackerMatch a = CATALOG.matchUrl("https://bat.bing.com/bat.js", null);
        TrackerMatch b = CATALOG.matchUrl("//bat.bing.com/action/0", "https://shop.example/");
        assertNotNull(a);
        assertEquals(a, b);
        assertEquals(Set.of(Category.MARKETING), a.categories());
    }
}
