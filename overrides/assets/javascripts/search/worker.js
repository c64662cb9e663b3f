/*
 * Material's search worker, with Danish letters folded on both sides of the search, so that
 * "raadgivning", "radgivning" and "rådgivning" find the same words. The folds come with the
 * search index (peersite/pages/search.py writes them); results show and highlight the original text.
 * Numbers such as 112 are kept in every language's index, and each result shows one short passage.
 *
 * Started as worker.js?material=search.<hash>.min.js, the name of Material's worker in ../workers/.
 */

/* Material's message types */
const SETUP = 0
const QUERY = 2
const RESULT = 3

let folds = []
let languages = []
/* Each entry's text in the index, by its location: results show a passage of it. */
let texts = new Map()
let queryPipeline
const typed = new Map()

/* Added before Material's listener, whose setup message builds the index with the folds. */
addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    folds = message.data.config.fold || []
    languages = message.data.config.lang || []
    texts = new Map(message.data.docs.map(doc => [doc.location, doc.text]))
  }
  if (message.type === QUERY)
    typed.clear()
})

const material = new URL(location.href).searchParams.get("material")
if (!/^search\.\w+\.min\.js$/.test(material))
  throw new Error(`Not the name of Material's search worker: ${material}`)
importScripts(`../workers/${material}`)

function fold(word) {
  return folds.reduce((text, [letters, replacement]) => text.split(letters).join(replacement), word)
}

function foldToken(token) {
  return token.update(fold)
}

lunr.Pipeline.registerFunction(foldToken, "fold")

/* lunr-languages trims every character that is not one of the language's letters off each word, so the
 * Danish index had no 112: its trimmer gives way to one made the same way from its letters and the digits.
 * English needs none: lunr's own trimmer keeps digits. */
function keepDigits(pipeline) {
  for (const language of languages) {
    const own = lunr[language]
    if (!own || !own.trimmer || !own.wordCharacters || !pipeline.toJSON().includes(own.trimmer.label))
      continue
    const trimmer = lunr.trimmerSupport.generateTrimmer(`${own.wordCharacters}0-9`)
    lunr.Pipeline.registerFunction(trimmer, `${own.trimmer.label}-digits`)
    pipeline.before(own.trimmer, trimmer)
    pipeline.remove(own.trimmer)
  }
}

/* Folded after the language's stemmer; tokens keep their positions, so the original words are highlighted. */
const folded = new WeakSet()
const add = lunr.Builder.prototype.add
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!folded.has(this)) {
    folded.add(this)
    keepDigits(this.pipeline)
    this.pipeline.add(foldToken)
    this.searchPipeline.add(foldToken)
  }
  return add.call(this, doc, attributes)
}

const build = lunr.Builder.prototype.build
lunr.Builder.prototype.build = function () {
  queryPipeline = this.searchPipeline
  return build.call(this)
}

/* Material appends * to every query word, and lunr skips the search pipeline for words with *:
 * stem and fold each word here instead, which also lets Material tell which words matched. An å written
 * as a and a combining ring (pasted text, some keyboards) is made the one letter the pages hold (NFC). */
function analyse(term) {
  const [, leading, word, trailing] = term.normalize("NFC").match(/^(\**)(.*?)(\**)$/)
  if (!word || word.includes("*"))
    return leading + fold(word) + trailing
  const [analysed = fold(word)] = queryPipeline.runString(word)
  typed.set(analysed, word)
  return leading + analysed + trailing
}

const clause = lunr.Query.prototype.clause
lunr.Query.prototype.clause = function (query) {
  if (queryPipeline && query.term) {
    query.term = analyse(query.term)
    query.usePipeline = false
  }
  return clause.call(this, query)
}

/* Material lists a result's missing words and highlights its found words on the page it links to:
 * give it the words as typed and as written in the result, not as analysed. */
function writtenTerms(item) {
  const terms = {}
  const marked = [item.title, item.text].join(" ").match(/<mark>[^<]*<\/mark>/g) || []
  for (const mark of marked) {
    const word = mark.slice(6, -7).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase()
    if (word)
      terms[word] = true
  }
  for (const [term, found] of Object.entries(item.terms))
    if (!found || !marked.length)
      terms[typed.get(term) || term] = found
  return terms
}

/* An entry's text in the index is markup Material keeps (p, ul, ol, li, pre, code, sub, sup) around text whose
 * own < and & are escaped. A result shows one passage of it: from the paragraph or list item that holds the
 * first word found, or from the start, with the words Material found marked. */
const UNIT_BOUNDARIES = /<\/?(?:p|li|ul|ol|pre)>/
const HAS_WORDS = /[\p{L}\p{N}]/u
/* How far into a passage its first found word may stand, in characters: within the first of three lines. */
const LEAD = 80
/* Enough text for three lines on any screen; site.css cuts it there. */
const ENOUGH = 320

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/* The paragraphs and list items of a text, each on one line without markup. */
function units(text) {
  return text.split(UNIT_BOUNDARIES)
    .map(unit => unit.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim())
    .filter(unit => HAS_WORDS.test(unit))
}

/* Every whole-word use of the words Material marked in a result, marked again in a unit. */
function marker(highlighted) {
  const words = new Set((highlighted.match(/<mark>[^<]*<\/mark>/g) || []).map(mark => mark.slice(6, -7)))
  if (!words.size)
    return unit => unit
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}&])(?:${[...words].map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu")
  return unit => unit.replace(pattern, "<mark>$&</mark>")
}

/* A unit from the sentence that holds its first found word, or from a few words before it. */
function fromFound(unit) {
  const found = unit.indexOf("<mark>")
  if (found <= LEAD)
    return unit
  const sentences = [...unit.slice(0, found).matchAll(/[.!?:] (?=\p{Lu})/gu)]
  let start = sentences.length ? sentences[sentences.length - 1].index + 2 : 0
  if (found - start > LEAD) {
    const space = unit.indexOf(" ", found - LEAD / 2)
    start = space >= 0 && space < found ? space + 1 : found
  }
  return `… ${unit.slice(start)}`
}

/* The passage a result shows, as a paragraph; the text Material gave it if the index has none. */
function passage(item) {
  const all = units(texts.get(item.location) || "").map(marker(item.text))
  if (!all.length)
    return item.text
  const first = Math.max(0, all.findIndex(unit => unit.includes("<mark>")))
  const lead = fromFound(all[first])
  let shown = first && lead === all[first] ? `… ${lead}` : lead
  for (const unit of all.slice(first + 1)) {
    if (shown.length > ENOUGH)
      break
    shown += (/[.!?:…](<\/mark>)?$/.test(shown) ? " " : " · ") + unit
  }
  return `<p class="search-passage">${shown}</p>`
}

const post = self.postMessage.bind(self)
self.postMessage = message => {
  if (message.type === RESULT)
    for (const items of message.data.items)
      for (const item of items) {
        item.terms = writtenTerms(item)
        item.text = passage(item)
      }
  post(message)
}
