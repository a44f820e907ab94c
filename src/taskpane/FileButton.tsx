/** A button that asks for one local file: the file is read in the pane and never leaves the machine. */
import * as React from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";

export function FileButton(props: {
  label: string;
  accept: string;
  testId: string;
  onFile: (file: File) => void;
  size?: ButtonProps["size"];
}) {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size={props.size} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again is a change too.
          e.target.value = "";
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
