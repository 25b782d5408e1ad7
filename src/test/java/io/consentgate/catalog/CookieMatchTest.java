package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookieMatchTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** name | Domain attribute ("-" = host-only) | expected tracker id or "-". */
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        _ga                      | -                    | google-analytics
        _ga_ABC123XYZ            | .shop.example        | google-analytics
        _ga_                     | -                    | google-analytics
        _gid                     | -                    | google-analytics
        _gat_UA-1234-1           | -                    | google-analytics
        _gat                     | -                    | google-analytics
        _gat_gtag_UA_1234_1      | -                    | google-analytics
        datafast_visitor_id      | -                    | datafast
        datafast_session_id      | .shop.example        | datafast
        datafast_visitor         | -                    | -
        _gateway_session         | -                    | -
        _gather_session          | -                    | -
        data-theme               | -                    | -
        partner-ref              | -                    | -
        _li_session              | -                    | -
        recs-seen                | -                    | -
        guest_id                 | -                    | -
        _guid                    | -                    | -
        s_visited                | -                    | -
        s_vi                     | -                    | adobe-analytics
        s_vi_ab12                | -                    | adobe-analytics
        __utmz                   | -                    | google-analytics
        _gcl_au                  | -                    | google-ads
        _gcl_ag                  | -                    | google-ads
        _gcl_ha                  | .shop.example        | google-ads
        FPGSID                   | -                    | google-analytics
        ttcsid                   | -                    | tiktok-pixel
        ttcsid_CQ8ABCDE12        | .shop.example        | tiktok-pixel
        _gac_UA-1234             | -                    | google-ads
        _fbp                     | .shop.example        | meta-pixel
        _fbc                     | -                    | meta-pixel
        _hjSessionUser_3216549   | -                    | hotjar
        _hjid                    | -                    | hotjar
        _clck                    | -                    | microsoft-clarity
        _clsk                    | -                    | microsoft-clarity
        li_fat_id                | .shop.example        | linkedin-insight
        rtkclickid-store         | .coach.example       | redtrack
        rtkclickid               | -                    | -
        _uetsid                  | -                    | bing-uet
        _uetvid                  | -                    | bing-uet
        _ttp                     | -                    | tiktok-pixel
        _tt_enable_cookie        | -                    | tiktok-pixel
        ajs_anonymous_id         | -                    | segment
        afUserId                 | .fitloop.example     | appsflyer
        mp_0123abcd_mixpanel     | -                    | mixpanel
        mp__mixpanel             | -                    | mixpanel
        mp_0123abcd_mixpanelx    | -                    | -
        mp_0123abcd              | -                    | -
        _pk_id.3.1fff            | -                    | matomo
        _pk_ses.3.1fff           | -                    | matomo
        _ym_uid                  | -                    | yandex-metrica
        ph_phc_abc_posthog       | -                    | posthog
        AMP_TOKEN                | -                    | google-analytics
        AMP_1a2b3c4d5e           | -                    | amplitude
        __hstc                   | -                    | hubspot
        _lr_uf_-acme             | -                    | logrocket
        _lr_hb_-acme             | -                    | logrocket
        _lr_tabs_-acme           | -                    | logrocket
        SL_C_23361dd035530_SID   | -                    | smartlook
        stg_last_interaction     | -                    | piwik-pro
        stg_returning_visitor    | -                    | piwik-pro
        stg_fired__8f1           | -                    | piwik-pro
        stg_staging_flag         | -                    | -
        utag_main                | -                    | tealium-iq
        utag_main_v_id           | .shop.example        | tealium-iq
        utag_mainmenu            | -                    | -
        __kla_id                 | -                    | klaviyo
        __adroll_fpc             | .shop.example        | adroll
        __ar_v4                  | -                    | adroll
        visitor_id123456         | -                    | -
        visitor_id123456         | .pardot.com          | pardot
        visitor_id123456-hash    | pi.pardot.com        | pardot
        pardot                   | -                    | -
        _mkto_trk                | -                    | marketo-munchkin
        _zitok                   | -                    | zoominfo
        _lfa                     | -                    | leadfeeder
        _lfa_test_cookie_stored  | -                    | leadfeeder
        cb_user_id               | -                    | clearbit
        cb_anonymous_id          | .shop.example        | clearbit
        _twclid                  | -                    | x-pixel
        cje                      | .shop.example        | cj-affiliate
        __lt__cid                | -                    | line-tag
        __lt__cid.a1b2c3d4       | -                    | line-tag
        tmr_lvid                 | -                    | vk-ads
        tk_ai                    | -                    | jetpack-stats
        _gd_visitor              | -                    | 6sense
        amp_1a2b3c               | -                    | amplitude
        wcs_bt                   | -                    | naver-analytics
        panoramaId               | -                    | lotame
        rxVisitor                | -                    | dynatrace-rum
        dtCookie                 | .shop.example        | dynatrace-rum
        BT_pdc                   | -                    | etracker
        BT_sdc                   | .shop.example        | etracker
        wt3_eid                  | -                    | mapp-intelligence
        wt3_sid                  | .shop.example        | mapp-intelligence
        wtstp_eid                | -                    | mapp-intelligence
        wteid_111111111111111    | -                    | mapp-intelligence
        CNZZDATA1278123456       | -                    | cnzz
        UM_distinctid            | .shop.example        | cnzz
        sensorsdata2015jssdkcross | .shop.example       | sensors-data
        sensorsdata2015session   | -                    | sensors-data
        sajssdk_2015_cross_new_user | -                 | sensors-data
        ai_user                  | -                    | azure-application-insights
        ai_authUser              | .shop.example        | azure-application-insights
        ai_session               | -                    | -
        _dd_s                    | -                    | datadog-rum
        _conv_v                  | -                    | convert-experiences
        _conv_s                  | -                    | convert-experiences
        _gaexp                   | -                    | google-optimize
        _opt_expid               | -                    | ocd-google-optimize
        __gfp_64b                | -                    | ocd-gemius
        _omappvp                 | -                    | ocd-optinmonster
        _biz_uid                 | -                    | marketo-measure
        _biz_flagsA              | .shop.example        | marketo-measure
        _biz_EventA              | -                    | marketo-measure
        _business_unit           | -                    | -
        cX_P                     | -                    | piano-cxense
        cX_G                     | .news.example        | piano-cxense
        CX_12345                 | -                    | -
        cfz_google-analytics_v4  | -                    | cloudflare-zaraz
        cfzs_google-analytics_v4 | .shop.example        | cloudflare-zaraz
        cf_consent               | -                    | -
        cf_clearance             | -                    | -
        __cf_bm                  | .shop.example        | -
        _cio                     | -                    | customer-io
        _cioid                   | -                    | customer-io
        _cioanonid               | .shop.example        | customer-io
        cioFT                    | -                    | customer-io
        _cior                    | -                    | -
        usbls                    | -                    | usabilla
        WZRK_G                   | -                    | clevertap
        WZRK_S_8RK-99W-485Z      | .shop.example        | clevertap
        _gig_lt                  | -                    | -
        _gig_APIProxy_enabled    | -                    | -
        gig_bootstrap_3_AbCdEf   | -                    | -
        apiDomain_3_AbCdEf       | -                    | -
        js_ver                   | -                    | -
        remember_checked_on      | -                    | -
        external_referer         | -                    | -
        _aw_m_12345              | -                    | awin
        AwinChannelCookie        | -                    | awin
        awc                      | -                    | -
        awc                      | .awin1.com           | awin
        sa-user-id-v3            | -                    | -
        sa-user-id-v3            | .stackadapt.com      | stackadapt
        driftt_aid               | -                    | drift
        drift_campaign_refresh   | .shop.example        | drift
        drift_mode               | -                    | -
        intercom-session-abc123  | -                    | intercom
        _GA                      | -                    | -
        ga                       | -                    | -
        JSESSIONID               | -                    | -
        session                  | .shop.example        | -
        NID                      | -                    | -
        NID                      | .shop.example        | -
        NID                      | .google.com          | google-ads
        NID                      | google.com           | google-ads
        NID                      | www.google.com       | google-ads
        NID                      | .GOOGLE.COM.         | google-ads
        NID                      | .google.de           | google-ads
        NID                      | .google.de.example   | -
        NID                      | .google.com.evil     | -
        NID                      | notgoogle.com        | -
        fr                       | -                    | -
        fr                       | .facebook.com        | meta-pixel
        fr                       | .shop.example        | -
        IDE                      | .doubleclick.net     | doubleclick
        IDE                      | -                    | -
        test_cookie              | .doubleclick.net     | doubleclick
        test_cookie              | .shop.example        | -
        ID                       | .doubleclick.net     | doubleclick
        ID                       | -                    | -
        d                        | .quantserve.com      | quantcast
        d                        | .shop.example        | -
        MUID                     | .bing.com            | bing-uet
        MUID                     | .clarity.ms          | microsoft-clarity
        MUID                     | -                    | -
        bcookie                  | .linkedin.com        | linkedin-insight
        bcookie                  | .example.com         | -
        scarab.visitor           | -                    | sap-emarsys
        scarab.profile           | .shop.example        | sap-emarsys
        scarab.visitors          | -                    | -
        __cq_uuid                | .shop.example        | salesforce-commerce-einstein
        __cq_seg                 | -                    | salesforce-commerce-einstein
        __cq_bc                  | -                    | salesforce-commerce-einstein
        cqcid                    | -                    | salesforce-commerce-einstein
        cquid                    | -                    | salesforce-commerce-einstein
        _cq_duid                 | -                    | -
        dwsid                    | -                    | -
        dwanonymous_9d5ff9e4444e5b7160ea60697b69e60f | - | -
        dwsecuretoken_9d5ff9e4444e5b7160ea60697b69e60f | - | -
        sid                      | -                    | -
        _evga_34c0               | .shop.example        | salesforce-interactions
        _evgn_34c0               | -                    | salesforce-interactions
        _sfid_9016               | -                    | salesforce-interactions
        _sfic_9016               | -                    | salesforce-interactions
        ac_client_user_id        | -                    | liferay-analytics-cloud
        JSESSIONID               | .clinic.example      | -
        GUEST_LANGUAGE_ID        | -                    | -
        COOKIE_SUPPORT           | -                    | -
        LFR_SESSION_STATE_20102  | -                    | -
        __exponea_etc__          | -                    | bloomreach-engagement
        __exponea_time2__        | .shop.example        | bloomreach-engagement
        kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_identity | .shop.example | adobe-web-sdk
        kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_cluster  | -             | adobe-web-sdk
        mboxEdgeCluster          | -                    | adobe-target
        AMCV_53A16ACB5CC1D3760A495C99%40AdobeOrg | .shop.example | adobe-audience-manager
        """)
    void matchesCookieNames(String name, String domain, String expected) {
        TrackerMatch m = CATALOG.matchCookie(name, "-".equals(domain) ? null : domain);
        assertEquals(expected, m == null ? "-" : m.tracker().id());
    }

    /**
     * A vendor's opt-out or consent record identifies no one; expiring it for a visitor who refused would make the
     * vendor forget an opt-out the day the visitor allows its category.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        matomo_ignore              | -
        mtm_consent                | -
        mtm_consent_removed        | -
        mtm_cookie_consent         | -
        ppms_privacy_6a0b3c        | -
        ppms_privacy_bar_6a0b3c    | -
        stg_global_opt_out         | -
        _stg_optout                | -
        _cs_optout                 | -
        WRIgnore                   | -
        optimizelyOptOut           | -
        pi_opt_in                  | -
        rweb_optin                 | -
        datatrics_optin            | -
        gdpr_status                | -
        is_gdpr                    | -
        __gpi_optout               | -
        ToptOut                    | .bing.com
        BizographicsOptOut         | .linkedin.com
        dnt                        | .twitter.com
        dtm_gpc_optout             | .dotomi.com
        euconsent                  | .faktor.io
        _tracking_consent          | .shopify.com
        _vis_opt_out               | -
        _vwo_global_opt_out        | -
        _hjOptOut                  | -
        _hjHasOptedOut             | -
        mf_optout                  | -
        _ga_optout                 | -
        _hj_consent_given          | -
        __cq_dnt                   | -
        dw_dnt                     | -
        et_allow_cookies           | -
        kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_consent       | -
        kndctr_53A16ACB5CC1D3760A495C99_AdobeOrg_consent_check | -
        """)
    void cookiesThatRecordAPrivacyChoiceAreNeverTrackerCookies(String name, String domain) {
        assertNull(CATALOG.matchCookie(name, "-".equals(domain) ? null : domain));
        assertNull(CATALOG.matchCookie(name, null));
    }

    /** The prefixes that would match those records still match the vendor's tracking cookies. */
    @ParameterizedTest
    @CsvSource({"_vis_opt_s, vwo", "_vis_opt_exp_12_combi, vwo", "_hjSessionUser_1234567, hotjar",
        "_hjIncludedInSessionSample_1, hotjar", "mf_user, mouseflow", "_ga_ABC123, google-analytics"})
    void prefixesOfOptOutRecordsStillMatchTrackingCookies(String name, String tracker) {
        TrackerMatch m = CATALOG.matchCookie(name, null);
        assertEquals(tracker, m == null ? "-" : m.tracker().id());
    }

    @Test
    void nullOrEmptyNameIsNoTrackerCookie() {
        assertNull(CATALOG.matchCookie(null, null));
        assertNull(CATALOG.matchCookie("", ".google.com"));
    }

    @Test
    void genericDomainMatchNeedsADotInTheCookieDomain() {
        // A "Domain=com" cookie would be rejected by browsers; it must not count as the vendor's domain.
        assertNull(CATALOG.matchCookie("NID", "com"));
    }

    @Test
    void patternsMatchNamesPrefixesAndInnerWildcards() {
        assertTrue(new CookiePattern("_ga", false, false).matches("_ga"));
        assertFalse(new CookiePattern("_ga", false, false).matches("_gat"));
        assertTrue(new CookiePattern("_ga_", true, false).matches("_ga_X"));
        assertTrue(new CookiePattern("mp_*_mixpanel", false, false).matches("mp_x_mixpanel"));
        assertFalse(new CookiePattern("mp_*_mixpanel", false, false).matches("mp_mixpanel"));
        assertFalse(new CookiePattern("mp_*_mixpanel", false, false).matches("mp_x_mixpanel_y"));
        assertTrue(new CookiePattern("mp_*_mixpanel", true, false).matches("mp_x_mixpanel_y"));
        assertThrows(IllegalArgumentException.class, () -> new CookiePattern("a*b*c", false, false));
        assertThrows(IllegalArgumentException.class, () -> new CookiePattern("", false, false));
    }
}
