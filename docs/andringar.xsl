<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows the change feed (andringar.xml, made by macros/render/andringar.py)
  as a Swedish page when a person opens it in a browser; feed readers ignore
  it. Served from the site itself, so the Content-Security-Policy holds: no
  script, styles inline (style-src allows them). Links stay relative to the
  feed, so they work on any host.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/a:feed">
    <html lang="sv">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width,initial-scale=1"/>
        <title>Ändringar i handboken (flöde) – Barnens bästa gäller! – i Kronoberg</title>
        <style>
          body { max-width: 42rem; margin: 0 auto; padding: 1rem; font-family: system-ui, sans-serif; line-height: 1.5; color: #1f1f1f; background: #fff; }
          a { color: #303fa1; text-decoration: underline; }
          a:focus-visible { outline: 3px solid #303fa1; outline-offset: 2px; }
          .ruta { padding: 0.6rem 1rem; border-left: 0.3rem solid #303fa1; background: #eef0fb; }
          ol { padding: 0; list-style: none; }
          li.post { margin: 1.5rem 0; padding-top: 0.5rem; border-top: 1px solid #ccc; }
          h2 { font-size: 1.15rem; margin: 0.2rem 0; }
          .datum { color: #4a4a4a; margin: 0; }
        </style>
      </head>
      <body>
        <main>
          <h1>Ändringar i handboken</h1>
          <div class="ruta">
            <p>Det här är ett <strong>flöde</strong> (Atom) för Barnens bästa gäller! – i Kronoberg. Med en
              flödesläsare eller en lärplattform får du veta när handboken ändras: kopiera adressen till den
              här sidan och lägg till den där.</p>
            <p><a href="{a:link[@rel='alternate']/@href}">Alla ändringar som en vanlig sida</a> ·
              <a href="./">Till handbokens startsida</a></p>
          </div>
          <ol>
            <xsl:apply-templates select="a:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="a:entry">
    <li class="post">
      <h2>
        <a href="{a:link[@rel='alternate']/@href}"><xsl:value-of select="a:title"/></a>
      </h2>
      <p class="datum">
        <time datetime="{substring(a:updated, 1, 10)}">
          <xsl:call-template name="datum">
            <xsl:with-param name="iso" select="substring(a:updated, 1, 10)"/>
          </xsl:call-template>
        </time>
      </p>
      <p><xsl:value-of select="a:summary"/></p>
      <xsl:if test="a:link[@rel='related']">
        <p>Sidor:
          <xsl:for-each select="a:link[@rel='related']">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <a href="{@href}"><xsl:value-of select="@title"/></a>
          </xsl:for-each>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- "2026-11-24" -> "24 november 2026" -->
  <xsl:template name="datum">
    <xsl:param name="iso"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:value-of select="number(substring($iso, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring-before(substring-after('|1:januari|2:februari|3:mars|4:april|5:maj|6:juni|7:juli|8:augusti|9:september|10:oktober|11:november|12:december|', concat('|', $m, ':')), '|')"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($iso, 1, 4)"/>
  </xsl:template>
</xsl:stylesheet>
