/// The OpenAPI 3.1 document served at /openapi.json. It lists every route the application registers
/// (a test compares it with the router), their parameters and response schemas.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Tarazu",
        "version": "1",
        "summary": "A city's budget: public portal and JSON API.",
        "description": "Read-only access to the budget books in a Tarazu store: the portal's HTML pages (Persian first, ?lang=en for English), the governance report, open data, and the JSON API under /api/v1. Money is whole rials; ratios are fractions (0.93). Every successful GET carries a strong ETag and answers If-None-Match with 304.",
        "license": { "name": "Open source", "identifier": "MIT" }
      },
      "paths": {
        "/": {
          "get": {
            "summary": "Portal home: the only book's page, or the list of books.",
            "operationId": "portalHome",
            "parameters": [ { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/year" } ],
            "responses": {
              "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } },
              "400": { "$ref": "#/components/responses/HTMLError" }
            }
          }
        },
        "/pb": {
          "get": {
            "summary": "Participatory budgeting: the processes and their phases.",
            "operationId": "pbList",
            "parameters": [ { "$ref": "#/components/parameters/lang" } ],
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } } }
          }
        },
        "/pb/{slug}": {
          "get": {
            "summary": "One PB process: phase, budgets, feasible proposals by district with their costs.",
            "operationId": "pbProcess",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" } ],
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          }
        },
        "/pb/{slug}/results": {
          "get": {
            "summary": "Results per budget: funded projects, costs, votes and how each project was paid for (public from the tally phase; analysts always).",
            "operationId": "pbResults",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "name": "rule", "in": "query", "required": false, "schema": { "type": "string", "enum": ["greedy", "mes", "mes-add1"] } } ],
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          }
        },
        "/pb/{slug}/vote": {
          "get": {
            "summary": "Voting step 1: the mobile number form (or the current step). Not cached.",
            "operationId": "pbVote",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/kiosk" }, { "name": "restart", "in": "query", "required": false, "schema": { "type": "string", "enum": ["1"] } } ],
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } }, "303": { "description": "To the current step." }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          }
        },
        "/pb/{slug}/vote/phone": {
          "post": {
            "summary": "Sends a 6-digit code by SMS (form: phone, csrf_token); rate limited.",
            "operationId": "pbVotePhone",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/kiosk" } ],
            "requestBody": { "required": true, "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "additionalProperties": { "type": "string" } } } } },
            "responses": { "303": { "description": "To the code step." }, "4XX": { "$ref": "#/components/responses/HTMLError" }, "502": { "$ref": "#/components/responses/HTMLError" } }
          }
        },
        "/pb/{slug}/vote/code": {
          "get": {
            "summary": "Voting step 2: the code form.",
            "operationId": "pbVoteCodeForm",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/kiosk" } ],
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } }, "303": { "description": "Back to step 1." }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          },
          "post": {
            "summary": "Checks the code (form: code, csrf_token): 5 minutes, 5 tries.",
            "operationId": "pbVoteCode",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/kiosk" } ],
            "requestBody": { "required": true, "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "additionalProperties": { "type": "string" } } } } },
            "responses": { "303": { "description": "To the ballot." }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          }
        },
        "/pb/{slug}/vote/ballot": {
          "get": {
            "summary": "Voting step 3: choose the ballot (citywide or a region), then the ballot form.",
            "operationId": "pbVoteBallotForm",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/kiosk" }, { "name": "district", "in": "query", "required": false, "schema": { "type": "string" } } ],
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } }, "303": { "description": "Back to step 1." }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          },
          "post": {
            "summary": "Casts the ballot (form: district, p_ID fields, csrf_token); the receipt page, or the reasons it was refused.",
            "operationId": "pbVoteBallot",
            "parameters": [ { "$ref": "#/components/parameters/slug" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/kiosk" } ],
            "requestBody": { "required": true, "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "additionalProperties": { "type": "string" } } } } },
            "responses": { "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } }, "303": { "description": "Back to step 1." }, "4XX": { "$ref": "#/components/responses/HTMLError" } }
          }
        },
        "/pb/sms/inbound": {
          "post": {
            "summary": "The SMS operator's webhook: a ballot by SMS. Authenticated by X-Tarazu-Gateway-Token (TARAZU_SMS_TOKEN); no CSRF. The reply (Persian, then English) is the body and is also sent by SMS.",
            "operationId": "pbSMSInbound",
            "parameters": [ { "name": "X-Tarazu-Gateway-Token", "in": "header", "required": true, "schema": { "type": "string" } } ],
            "requestBody": { "required": true, "content": {
              "application/json": { "schema": { "type": "object", "required": ["from", "text"], "properties": { "from": { "type": "string" }, "text": { "type": "string" }, "process": { "type": "string" } } } },
              "application/x-www-form-urlencoded": { "schema": { "type": "object", "required": ["from", "text"], "properties": { "from": { "type": "string" }, "text": { "type": "string" }, "process": { "type": "string" } } } } } },
            "responses": {
              "200": { "description": "The SMS reply.", "content": { "text/plain": { "schema": { "type": "string" } } } },
              "400": { "description": "from or text missing or not a mobile number.", "content": { "text/plain": { "schema": { "type": "string" } } } },
              "401": { "description": "Missing or wrong gateway token.", "content": { "text/plain": { "schema": { "type": "string" } } } }
            }
          }
        },
        "/books/{name}": {
          "get": {
            "summary": "One book's portal page: headline figures in plain language, chart, status table, links.",
            "operationId": "portalBook",
            "parameters": [ { "$ref": "#/components/parameters/name" }, { "$ref": "#/components/parameters/lang" }, { "$ref": "#/components/parameters/year" } ],
            "responses": {
              "200": { "description": "HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } },
              "400": { "$ref": "#/components/responses/HTMLError" },
              "404": { "$ref": "#/components/responses/HTMLError" },
              "422": { "$ref": "#/components/responses/HTMLError" }
            }
          }
        },
        "/books/{name}/report": {
          "get": {
            "summary": "The governance report (as `tarazu report --date none`). HTML is self-contained with an inline style; its Content-Security-Policy allows inline styles and no scripts.",
            "operationId": "report",
            "parameters": [
              { "$ref": "#/components/parameters/name" },
              { "name": "lang", "in": "query", "required": false, "schema": { "type": "string", "enum": ["fa", "en"], "default": "fa" } },
              { "name": "format", "in": "query", "required": false, "schema": { "type": "string", "enum": ["html", "md"], "default": "html" } },
              { "$ref": "#/components/parameters/year" }
            ],
            "responses": {
              "200": { "description": "The report.", "content": { "text/html": { "schema": { "type": "string" } }, "text/markdown": { "schema": { "type": "string" } } } },
              "400": { "$ref": "#/components/responses/HTMLError" },
              "404": { "$ref": "#/components/responses/HTMLError" },
              "422": { "$ref": "#/components/responses/HTMLError" }
            }
          }
        },
        "/books/{name}/data/budget_lines.csv": {
          "get": {
            "summary": "Open data: the book's budget lines as CSV (canonical headers, amounts in rials).",
            "operationId": "budgetLinesCSV",
            "parameters": [ { "$ref": "#/components/parameters/name" } ],
            "responses": {
              "200": { "description": "CSV.", "content": { "text/csv": { "schema": { "type": "string" } } } },
              "404": { "$ref": "#/components/responses/HTMLError" }
            }
          }
        },
        "/books/{name}/data/revenues.csv": {
          "get": {
            "summary": "Open data: the book's revenue lines as CSV (amounts in rials).",
            "operationId": "revenuesCSV",
            "parameters": [ { "$ref": "#/components/parameters/name" } ],
            "responses": {
              "200": { "description": "CSV.", "content": { "text/csv": { "schema": { "type": "string" } } } },
              "404": { "$ref": "#/components/responses/HTMLError" }
            }
          }
        },
        "/books/{name}/datapackage.zip": {
          "get": {
            "summary": "Open data: the whole budget book as a Fiscal Data Package (datapackage.json and CSVs, rials), zipped.",
            "operationId": "dataPackage",
            "parameters": [ { "$ref": "#/components/parameters/name" } ],
            "responses": {
              "200": { "description": "ZIP archive.", "content": { "application/zip": { "schema": { "type": "string", "contentEncoding": "binary" } } } },
              "404": { "$ref": "#/components/responses/HTMLError" }
            }
          }
        },
        "/assets/tarazu.css": {
          "get": {
            "summary": "The portal's stylesheet.",
            "operationId": "stylesheet",
            "responses": { "200": { "description": "CSS.", "content": { "text/css": { "schema": { "type": "string" } } } } }
          }
        },
        "/healthz": {
          "get": {
            "summary": "Whether the server and its database answer (for monitors and load balancers; never cached).",
            "operationId": "health",
            "responses": {
              "200": { "description": "Serving.", "content": { "application/json": { "schema": { "type": "object", "required": ["status"], "properties": { "status": { "type": "string", "enum": ["ok"] } } } } } },
              "503": { "description": "The database does not answer.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
          }
        },
        "/openapi.json": {
          "get": {
            "summary": "This document.",
            "operationId": "openapi",
            "responses": { "200": { "description": "OpenAPI 3.1 document.", "content": { "application/json": { "schema": { "type": "object" } } } } }
          }
        },
        "/api/v1/books": {
          "get": {
            "summary": "The books (cities) in the store.",
            "operationId": "listBooks",
            "responses": {
              "200": { "description": "The books, by name.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Books" } } } }
            }
          }
        },
        "/api/v1/cities": {
          "get": {
            "summary": "The cities in the store, each with its books and their years.",
            "operationId": "listCities",
            "responses": {
              "200": { "description": "The cities, by id.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Cities" } } } }
            }
          }
        },
        "/api/v1/books/{name}/years": {
          "get": {
            "summary": "A book's years.",
            "operationId": "bookYears",
            "parameters": [ { "$ref": "#/components/parameters/name" } ],
            "responses": {
              "200": { "description": "Years.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Years" } } } },
              "404": { "$ref": "#/components/responses/JSONError" }
            }
          }
        },
        "/api/v1/books/{name}/indicators": {
          "get": {
            "summary": "The governance indicators of a year, as `tarazu analyze --format json` (indicators part).",
            "operationId": "indicators",
            "parameters": [ { "$ref": "#/components/parameters/name" }, { "$ref": "#/components/parameters/year" } ],
            "responses": {
              "200": { "description": "Indicators keyed by id.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Indicators" } } } },
              "400": { "$ref": "#/components/responses/JSONError" },
              "404": { "$ref": "#/components/responses/JSONError" },
              "422": { "$ref": "#/components/responses/JSONError" }
            }
          }
        },
        "/api/v1/books/{name}/assessment": {
          "get": {
            "summary": "The status table of a year: criteria with checks and evidence, recommendations, rubric.",
            "operationId": "assessment",
            "parameters": [ { "$ref": "#/components/parameters/name" }, { "$ref": "#/components/parameters/year" } ],
            "responses": {
              "200": { "description": "Assessment.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Assessment" } } } },
              "400": { "$ref": "#/components/responses/JSONError" },
              "404": { "$ref": "#/components/responses/JSONError" },
              "422": { "$ref": "#/components/responses/JSONError" }
            }
          }
        },
        "/api/v1/books/{name}/projects": {
          "get": {
            "summary": "The book's capital projects, each with its risk score and reasons (as `tarazu risk --format json`), at the latest year with realized figures.",
            "operationId": "projects",
            "parameters": [ { "$ref": "#/components/parameters/name" } ],
            "responses": {
              "200": { "description": "Projects.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Projects" } } } },
              "404": { "$ref": "#/components/responses/JSONError" }
            }
          }
        },
        "/api/v1/aggregate": {
          "get": {
            "summary": "OpenSpending-style aggregate: the exact sum of a measure, grouped by the drilldown, over the facts that pass every cut. Budget books are summed in rials over their budget lines (measures approved, revised, realized; dimensions year, region, function, economic_class, department, program, project, line).",
            "operationId": "aggregate",
            "parameters": [
              { "name": "book", "in": "query", "required": false, "description": "The book or stored Fiscal Data Package; optional when the store holds exactly one.", "schema": { "type": "string" } },
              { "name": "measure", "in": "query", "required": true, "description": "The measure to sum; `approved.sum` means `approved`.", "schema": { "type": "string" }, "example": "approved" },
              { "name": "drilldown", "in": "query", "required": false, "description": "Levels to group by: DIM[.ATTR][|DIM[.ATTR]...].", "schema": { "type": "string" }, "example": "year|function" },
              { "name": "cut", "in": "query", "required": false, "description": "Filters: DIM.ATTR:VALUE[|...]. Cuts on the same attribute are alternatives; on different attributes all apply.", "schema": { "type": "string" }, "example": "year.year:1403" },
              { "name": "order", "in": "query", "required": false, "description": "REF[:asc|desc][|...]; REF is the measure (or `amount`, `MEASURE.sum`), `_count`, or a drilldown attribute. Default: drilldown values in natural order.", "schema": { "type": "string" }, "example": "approved:desc" },
              { "name": "page", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "default": 1 } },
              { "name": "pagesize", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } }
            ],
            "responses": {
              "200": { "description": "Cells of the page, the total over all cells, and the summary.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Aggregate" } } } },
              "400": { "$ref": "#/components/responses/JSONError" },
              "404": { "$ref": "#/components/responses/JSONError" }
            }
          }
        }
      },
      "components": {
        "parameters": {
          "name": { "name": "name", "in": "path", "required": true, "description": "The book's name (metadata.name).", "schema": { "type": "string" } },
          "slug": { "name": "slug", "in": "path", "required": true, "description": "A participatory budgeting process (its id).", "schema": { "type": "string" } },
          "kiosk": { "name": "kiosk", "in": "query", "required": false, "description": "Kiosk mode: larger type, back to the start after the receipt.", "schema": { "type": "string", "enum": ["1"] } },
          "lang": { "name": "lang", "in": "query", "required": false, "description": "Page language; Persian (right to left) unless en.", "schema": { "type": "string", "enum": ["fa", "en"], "default": "fa" } },
          "year": { "name": "year", "in": "query", "required": false, "description": "A year of the book (default: the latest year with realized figures).", "schema": { "type": "integer", "minimum": 1, "maximum": 9999 } }
        },
        "responses": {
          "JSONError": { "description": "Refused: the reason.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "HTMLError": { "description": "Refused: an HTML page with the reason.", "content": { "text/html": { "schema": { "type": "string" } } } }
        },
        "schemas": {
          "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "string" } } },
          "Books": {
            "type": "object", "required": ["books"],
            "properties": { "books": { "type": "array", "items": {
              "type": "object", "required": ["name", "title", "city_fa", "city_en", "years", "content_hash", "imported_at"],
              "properties": {
                "name": { "type": "string" }, "title": { "type": "string" },
                "city_fa": { "type": ["string", "null"] }, "city_en": { "type": ["string", "null"] },
                "years": { "type": "array", "items": { "type": "integer" } },
                "content_hash": { "type": "string" }, "imported_at": { "type": "string", "format": "date-time" }
              } } } }
          },
          "Cities": {
            "type": "object", "required": ["cities"],
            "properties": { "cities": { "type": "array", "items": {
              "type": "object", "required": ["id", "name_fa", "name_en", "books", "years"],
              "properties": {
                "id": { "type": "string" },
                "name_fa": { "type": ["string", "null"] }, "name_en": { "type": ["string", "null"] },
                "books": { "type": "array", "items": { "type": "string" } },
                "years": { "type": "array", "items": { "type": "integer" } }
              } } } }
          },
          "Years": {
            "type": "object", "required": ["book", "content_hash", "years", "realized_years", "default_year"],
            "properties": {
              "book": { "type": "string" }, "content_hash": { "type": "string" },
              "years": { "type": "array", "items": { "type": "integer" } },
              "realized_years": { "type": "array", "items": { "type": "integer" } },
              "default_year": { "type": ["integer", "null"] }
            }
          },
          "IndicatorValue": { "description": "A fraction or number, whole rials, a count, a PEFA letter, a flag, text, a record, a list, or null when unavailable.", "type": ["number", "integer", "string", "boolean", "object", "array", "null"] },
          "Indicator": {
            "type": "object", "required": ["name_fa", "name_en", "formula", "unit", "value", "breakdown", "evidence", "basis"],
            "properties": {
              "name_fa": { "type": "string" }, "name_en": { "type": "string" }, "formula": { "type": "string" }, "unit": { "type": "string" },
              "value": { "$ref": "#/components/schemas/IndicatorValue" },
              "breakdown": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/IndicatorValue" } },
              "evidence": { "type": "array", "items": { "type": "object" } },
              "basis": { "type": "string", "enum": ["data", "declared"] }
            }
          },
          "Indicators": {
            "type": "object", "required": ["book", "content_hash", "year", "indicators"],
            "properties": {
              "book": { "type": "string" }, "content_hash": { "type": "string" }, "year": { "type": "integer" },
              "indicators": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Indicator" } }
            }
          },
          "Assessment": {
            "type": "object", "required": ["book", "content_hash", "year", "rubric", "criteria", "recommendations"],
            "properties": {
              "book": { "type": "string" }, "content_hash": { "type": "string" }, "year": { "type": "integer" },
              "rubric": { "type": "object", "required": ["id", "version"], "properties": { "id": { "type": "string" }, "version": { "type": "string" } } },
              "criteria": { "type": "array", "items": { "type": "object", "required": ["id", "lens", "name", "checks"],
                "properties": { "id": { "type": "string" }, "lens": { "type": "string" }, "name": { "type": "object" },
                  "status": { "type": ["string", "null"], "enum": ["strong", "adequate", "partial", "weak", "absent", null] },
                  "verdict": { "type": ["object", "null"] }, "reasoning": { "type": "string" }, "checks": { "type": "array", "items": { "type": "object" } } } } },
              "recommendations": { "type": "array", "items": { "type": "object" } }
            }
          },
          "Projects": {
            "type": "object", "required": ["book", "content_hash", "year", "projects"],
            "properties": {
              "book": { "type": "string" }, "content_hash": { "type": "string" }, "year": { "type": ["integer", "null"] },
              "projects": { "type": "array", "items": { "type": "object", "required": ["project"],
                "properties": {
                  "project": { "type": "object", "description": "The project record (project_id, name_fa, planned_cost in rials, ...)." },
                  "risk": { "type": "object", "description": "RiskScorer's result: rank, score 0-100, coverage, mainFactor, reasons, estimate." }
                } } }
            }
          },
          "Aggregate": {
            "type": "object",
            "required": ["dataset", "measure", "aggregates", "drilldown", "cut", "order", "page", "pagesize", "total_cell_count", "total", "summary", "cells"],
            "properties": {
              "dataset": { "type": "string" }, "measure": { "type": "string" },
              "aggregates": { "type": "array", "items": { "type": "string" }, "description": "MEASURE.sum and _count: the value keys of each cell." },
              "drilldown": { "type": "array", "items": { "type": "string" } },
              "cut": { "type": "array", "items": { "type": "object", "properties": { "ref": { "type": "string" }, "value": { "type": "string" } } } },
              "order": { "type": "array", "items": { "type": "array", "items": { "type": "string" } } },
              "page": { "type": "integer" }, "pagesize": { "type": "integer" },
              "total_cell_count": { "type": "integer" },
              "total": { "type": "number", "description": "Exact sum over all cells (every page)." },
              "summary": { "type": "object", "additionalProperties": { "type": "number" } },
              "cells": { "type": "array", "items": { "type": "object", "description": "The drilldown attributes (strings), MEASURE.sum and _count.", "additionalProperties": { "type": ["string", "number"] } } }
            }
          }
        }
      }
    }
    """#
}
