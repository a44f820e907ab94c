/** What a pane says while it works and after: a progress bar for the running step, and a live message. */
import * as React from "react";
import { Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";

export type Message = { intent: "success" | "error" | "info" | "warning"; text: string };

/** `ref`: the live region, for a pane to bring what lands there into view. */
export const Status = React.forwardRef<
  HTMLDivElement,
  {
    /** The running step, or null when nothing runs. */
    progress: string | null;
    message: Message | null;
    testId: string;
    /** Further notices, shown under the message. */
    children?: React.ReactNode;
  }
>(function Status(props, ref) {
  const { progress, message } = props;
  return (
    <>
      {progress && (
        <Field validationMessage={progress} validationState="none">
          <ProgressBar aria-label={progress} />
        </Field>
      )}
      {/* Screen readers announce what lands here. */}
      <div ref={ref} aria-live="polite" role="status" data-testid={props.testId}>
        {message && (
          // Wrapped from the first paint: a bar that reflows after it grows taller, out of the view it was brought into.
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {props.children}
      </div>
    </>
  );
});
