/** Buttons and rows, as Discord's JSON. */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export function button(
  customId: string,
  label: string,
  options: { style?: ButtonStyle.Primary | ButtonStyle.Secondary; disabled?: boolean } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: options.style ?? ButtonStyle.Secondary,
    custom_id: customId,
    label,
    disabled: options.disabled ?? false,
  };
}

export function row(...components: APIComponentInMessageActionRow[]): Row {
  return { type: ComponentType.ActionRow, components };
}
