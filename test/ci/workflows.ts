// GitHub's own workflow parser (@actions/workflow-parser, from actions/languageservices, the one
// behind the Actions VS Code extension): the schema of every key, the contexts each expression
// may use (`secrets` is refused in `if:`), job and step references. Nothing here can run a
// workflow, so this is how a broken one fails before it is pushed.

/** Every error GitHub's parser finds in one workflow file, as "file (Line: n, Col: m): message". */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  // An ES module only (its package exports no `require` entry), so loaded with import().
  const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } =
    await import('@actions/workflow-parser');
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value === undefined) return errors.length > 0 ? errors : [`${name}: not a workflow`];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  for (const error of template.errors ?? []) {
    if (!errors.includes(error.Message)) errors.push(error.Message);
  }
  return errors;
}
