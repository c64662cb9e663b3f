/*
 * Material's search worker, with Danish letters folded on both sides of the search, so that
 * "raadgivning", "radgivning" and "rådgivning" find the same words. The folds come with the
 * search index (peersite/search.py writes them); results show and highlight the original text.
 *
 * Started as worker.js?material=search.<hash>.min.js, the name of Material's worker in ../workers/.
 */

/* Material's message types */
const SETUP = 0
const QUERY = 2
const RESULT = 3

let folds = []
let queryPipeline
const typed = new Map()

/* Added before Material's listener, whose setup message builds the index with the folds. */
addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP)
    folds = message.data.config.fold || []
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

/* Folded after the language's stemmer; tokens keep their positions, so the original words are highlighted. */
const folded = new WeakSet()
const add = lunr.Builder.prototype.add
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!folded.has(this)) {
    folded.add(this)
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
 * stem and fold each word here instead, which also lets Material tell which words matched. */
function analyse(term) {
  const [, leading, word, trailing] = term.match(/^(\**)(.*?)(\**)$/)
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

const post = self.postMessage.bind(self)
self.postMessage = message => {
  if (message.type === RESULT)
    for (const items of message.data.items)
      for (const item of items)
        item.terms = writtenTerms(item)
  post(message)
}
